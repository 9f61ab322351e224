import { GENERATION_JOBS } from './generation';
import type { JobDef } from './job';
import { registerJobs } from './job-list';
import { databaseBackup, integrityCheck, overdueEscalation, sessionCleanup } from './maintenance';
import { smsDueBatches } from '../sms/scheduled-job';
import { recordingRetention } from '../telephony/retention-job';

/**
 * THE job registry: every scheduled job of the app, in the order a tick runs them. To add a job,
 * write a JobDef (job.ts: id, label zh/en, default cron in the dealer's time zone, catchUp,
 * transactional, run(ctx) → { created, skipped: { reason: n } }) in your own feature folder and
 * add ONE line here. Examples:
 *   SMS (every minute, no catch-up):   smsDueBatches,        // from '../sms/scheduled-job'
 *   telephony (daily):                 recordingRetention,   // from '../telephony/retention-job'
 * A job that throws is logged as failed and retried later (scheduler.ts); the others still run.
 */
export const JOBS: readonly JobDef[] = [
  ...GENERATION_JOBS,
  overdueEscalation,
  smsDueBatches,
  integrityCheck,
  databaseBackup,
  sessionCleanup,
  recordingRetention,
];
registerJobs(JOBS);
