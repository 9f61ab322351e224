import type { Core } from '../../core';
import { JOBS } from './jobs';
import { Scheduler, type SchedulerOptions } from './scheduler';

// One scheduler per core, without touching core.ts (see customers/edit-handlers.ts).
const schedulers = new WeakMap<Core, Scheduler>();

/** The core's scheduler: the one the app started, or a stopped one with the registered jobs. */
export function schedulerOf(core: Core): Scheduler {
  let s = schedulers.get(core);
  if (!s) schedulers.set(core, (s = new Scheduler(core, { jobs: JOBS })));
  return s;
}

/** Creates (or replaces) the core's scheduler, e.g. a test's with its own jobs and instance id. */
export function createScheduler(core: Core, opts: Partial<SchedulerOptions> = {}): Scheduler {
  const s = new Scheduler(core, { jobs: JOBS, ...opts });
  schedulers.set(core, s);
  return s;
}

/** Where the app starts: the scheduler wakes up every minute and catches up now. */
export function startScheduler(core: Core): Scheduler {
  const s = schedulerOf(core);
  s.start();
  return s;
}
