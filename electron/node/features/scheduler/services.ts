import type { Core } from '../../core';
import { JOBS } from './jobs';
import { Scheduler, type SchedulerOptions } from './scheduler';

/** Replaces the core's scheduler (core.services.scheduler), e.g. a test's with its own jobs and instance id. */
export function createScheduler(core: Core, opts: Partial<SchedulerOptions> = {}): Scheduler {
  const s = new Scheduler(core, { jobs: JOBS, ...opts });
  core.services.scheduler = s;
  return s;
}

/** Where the app starts: the scheduler wakes up every minute and catches up now. */
export function startScheduler(core: Core): Scheduler {
  const s = core.services.scheduler;
  s.start();
  return s;
}
