import { GENERATION_JOBS } from './features/scheduler/generation';
import type { JobDef } from './features/scheduler/job';
import { registerJobs } from './features/scheduler/job-list';
import { databaseBackup, duplicateScan, integrityCheck, overdueEscalation, sessionCleanup } from './features/scheduler/maintenance';
import { smsDueBatches } from './features/sms/scheduled-job';
import { recordingRetention } from './features/telephony/retention-job';
import { selfAuditDailyJob } from './features/self-audit/daily';

/**
 * THE job registry: every scheduled job of the app, in the order a tick runs them. It sits above the
 * features (not in scheduler/) so that the scheduler, which runs the jobs, imports none of the
 * features that own them (tests/architecture.test.ts: no circle between features). To add a job,
 * write a JobDef (scheduler/job.ts: id, label zh/en, default cron in the dealer's time zone, catchUp,
 * transactional, run(ctx) → { created, skipped: { reason: n } }) in your own feature folder and
 * add ONE line here. Examples:
 *   SMS (every minute, no catch-up):   smsDueBatches,        // from './features/sms/scheduled-job'
 *   telephony (daily):                 recordingRetention,   // from './features/telephony/retention-job'
 * A job that throws is logged as failed and retried later (scheduler.ts); the others still run.
 */
export const JOBS: readonly JobDef[] = [
  ...GENERATION_JOBS,
  overdueEscalation,
  smsDueBatches,
  integrityCheck,
  databaseBackup,
  sessionCleanup,
  duplicateScan,
  recordingRetention,
  selfAuditDailyJob,
];
registerJobs(JOBS);
