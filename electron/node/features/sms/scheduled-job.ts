import type { JobDef } from '../scheduler';

/**
 * Every minute: scheduled SMS batches whose time has come start sending. Not transactional: the
 * batch's move to 'sending' is its own committed row, and sending itself happens in the outbox's
 * sender (the durable outbox makes a crash mid-batch safe). No catch-up: a batch that was due
 * while the app was closed is due now, and one run starts it.
 */
export const smsDueBatches: JobDef = {
  id: 'sms.dueBatches',
  label: { zh: '定时短信发送', en: 'Scheduled SMS batches' },
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
