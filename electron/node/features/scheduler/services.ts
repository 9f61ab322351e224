import type { Core } from '../../core';
import type { JobCore } from './job';
import { Scheduler, type SchedulerOptions } from './scheduler';

/**
 * Replaces the core's scheduler (core.services.scheduler) with one on the given jobs, e.g. a test's
 * with its own instance id. The app's own is built in services.ts on the registry electron/node/jobs.ts.
 */
export function createScheduler(core: JobCore, opts: SchedulerOptions): Scheduler {
  const s = new Scheduler(core, opts);
  core.services.scheduler = s;
  return s;
}

/** Where the app starts: the scheduler wakes up every minute and catches up now. */
export function startScheduler(core: Pick<Core, 'services'>): Scheduler {
  const s = core.services.scheduler;
  s.start();
  return s;
}
