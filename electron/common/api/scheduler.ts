import { z } from 'zod';
import { method, returns } from './contract';

const admin = ['admin'] as const;

/** A scheduled job as the admin screen shows it. */
export interface SchedulerJob {
  id: string;
  zh: string;
  en: string;
  cron: string;
  defaultCron: string;
  paused: boolean;
  catchUp: boolean;
  /** Next planned time (epoch ms), null when paused. */
  nextRun: number | null;
  last: { plannedFor: string; status: 'running' | 'ok' | 'failed'; endedAt: number | null; created: number; skipped: number; error: string | null } | null;
}

export interface SchedulerOverview {
  jobs: SchedulerJob[];
  /** Which app instance runs the jobs now (scheduler_lease), and whether it is this one. */
  lease: { holder: string; expiresAt: number; mine: boolean } | null;
  timeZone: string;
}

export interface SchedulerRunResult {
  job: string;
  plannedFor: string;
  status: 'ok' | 'failed';
  created: number;
  error?: string;
}

const jobId = z.string().min(1).max(64);

export const schedulerApi = {
  'scheduler.overview': method({ input: z.object({}).strict(), access: admin, output: returns<SchedulerOverview>() }),
  /** Saves a job's cron (5 fields, the dealer's time zone); an invalid one is refused with the reason. */
  'scheduler.setCron': method({ input: z.object({ job: jobId, cron: z.string().max(120) }).strict(), access: admin, output: returns<SchedulerJob>() }),
  'scheduler.setPaused': method({ input: z.object({ job: jobId, paused: z.boolean() }).strict(), access: admin, output: returns<SchedulerJob>() }),
  /** Runs a job at once (logged as a manual run), whatever its schedule or pause. */
  'scheduler.runNow': method({ input: z.object({ job: jobId }).strict(), access: admin, output: returns<SchedulerRunResult>() }),
} as const;
