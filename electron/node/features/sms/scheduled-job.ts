import type { JobDef } from '../scheduler';
import { SMS_JOB_LABELS } from './texts';

/**
 * Every minute: scheduled SMS batches whose time has come start sending. Not transactional: the
 * batch's move to 'sending' is its own committed row, and sending itself happens in the outbox's
 * sender (the durable outbox makes a crash mid-batch safe). No catch-up: a batch that was due
 * while the app was closed is due now, and one run starts it.
 */
export const smsDueBatches: JobDef = {
  id: 'sms.dueBatches',
  label: SMS_JOB_LABELS.pair('sms.dueBatches'),
  cron: '* * * * *',
  catchUp: false,
  transactional: false,
  run({ core, plannedAt }) {
    const sms = core.services.sms;
    sms.ensureStarted();
    const started = sms.sendDueBatches(Math.max(plannedAt, core.clock.now()));
    return { created: started.length, skipped: {} };
  },
};
