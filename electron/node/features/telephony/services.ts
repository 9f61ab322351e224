import type { Core } from '../../core';
import { CallLog } from './call-log';
import { Recordings } from './recordings';
import { SecretBox } from '../../secret-box';
import { SoftphoneSettings } from './settings';

export interface Telephony {
  settings: SoftphoneSettings;
  calls: CallLog;
  recordings: Recordings;
}

// Built once per core (the key file is read once, recording sequence state lives here);
// core.ts stays untouched by this feature.
const services = new WeakMap<Core, Telephony>();
export function telephonyOf(core: Core): Telephony {
  let t = services.get(core);
  if (!t) {
    const settings = new SoftphoneSettings(core, new SecretBox(core.dataDir, 'telephony'));
    const calls = new CallLog(core, settings);
    services.set(core, (t = { settings, calls, recordings: new Recordings(core, calls) }));
  }
  return t;
}
