import type { Db } from '../../../../db/client';
import type { Core } from '../../core';

/** What one run did: rows created and rows left out, by reason (e.g. { dnd: 12, exists: 40 }). */
export interface JobResult {
  created: number;
  skipped: Record<string, number>;
}

/**
 * The part of the core a job run is given. Wider than any one job needs, because the scheduler runs
 * every feature's jobs (the registry electron/node/jobs.ts) and hands each the same core: this is
 * the union of what the registered jobs use (their own services, the task and notification writers,
 * health and the data folder for the nightly checks and backups) and what the scheduler itself
 * reads. A new job that needs another part of the core adds it here.
 */
export type JobCore = Pick<Core, 'clock' | 'dataDir' | 'db' | 'events' | 'health' | 'reads' | 'services' | 'settings' | 'sqlite' | 'visibility'>;

export interface JobContext {
  /** The real core: writes, settings, events. */
  core: JobCore;
  /**
   * The same core with its clock stopped at the planned time, for the rules: a catch-up run of a
   * missed day sees that day as "today", so its tasks are dated as they would have been.
   */
  dayCore: JobCore;
  /** The dealer's calendar day the run is for (YYYY-MM-DD). */
  day: string;
  /** Planned time (epoch ms). */
  plannedAt: number;
  runId: number;
  /** The run's transaction for transactional jobs (pass it to createTasks); core.db otherwise. */
  tx: Db;
  /** Called between batches; a test hook (crash mid-run) and nothing else. */
  checkpoint(label: string): void;
  /** Things to do after the run committed (e.g. push notifications to the renderer). */
  afterCommit(fn: () => void): void;
}

export interface JobDef {
  /** Stable id, stored in job_runs.job and job_schedules.job. */
  id: string;
  /** Shown on the admin screen. */
  label: { zh: string; en: string };
  /** Default cron (5 fields) in the dealer's time zone; an admin may change it. */
  cron: string;
  /**
   * true: every occurrence missed while the app was closed is run at start-up, oldest first (daily
   * task generation). false: only the latest missed occurrence runs (every-minute jobs, backup).
   */
  catchUp: boolean;
  /**
   * true: run() is synchronous and runs in ONE transaction together with the job log row, so a
   * crash leaves all or none of the run's rows, and the next start runs it again.
   */
  transactional: boolean;
  run(ctx: JobContext): JobResult | Promise<JobResult>;
}

export const emptyResult = (): JobResult => ({ created: 0, skipped: {} });

/** Adds b into a (created and every skip reason). */
export function addResult(a: JobResult, b: JobResult): JobResult {
  a.created += b.created;
  for (const [k, v] of Object.entries(b.skipped)) if (v) a.skipped[k] = (a.skipped[k] ?? 0) + v;
  return a;
}
