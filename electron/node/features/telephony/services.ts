import type { CallLog } from './call-log';
import type { Recordings } from './recordings';
import type { RecordingUploads } from './recording-upload';
import type { SoftphoneSettings } from './settings';

export interface Telephony {
  settings: SoftphoneSettings;
  calls: CallLog;
  recordings: Recordings;
  /** A client seat's spooled recordings arriving after the call (issue 15). */
  uploads: RecordingUploads;
}

