import type { Core } from '../../core';
import { CallLog } from './call-log';
import { Recordings } from './recordings';
import { RecordingUploads } from './recording-upload';
import { SecretBox } from '../../secret-box';
import { SoftphoneSettings } from './settings';

export interface Telephony {
  settings: SoftphoneSettings;
  calls: CallLog;
  recordings: Recordings;
  /** A client seat's spooled recordings arriving after the call (issue 15). */
  uploads: RecordingUploads;
}

// Built once per core (the key file is read once, recording sequence state lives here);
// core.ts stays untouched by this feature.
const services = new WeakMap<Core, Telephony>();
export function telephonyOf(core: Core): Telephony {
  let t = services.get(core);
  if (!t) {
    const settings = new SoftphoneSettings(core, new SecretBox(core.dataDir, 'telephony'));
    const calls = new CallLog(core, settings);
    services.set(core, (t = { settings, calls, recordings: new Recordings(core, calls), uploads: new RecordingUploads(core, calls) }));
  }
  return t;
}
