import type { JobDef } from './job';

let registered: readonly JobDef[] = [];

/**
 * The registry (electron/node/jobs.ts) hands its list here, and the job log's data set reads the jobs' names
 * from it. The data set must not import the registry itself: registry → rules → grid → data sets
 * → job log is an import cycle, and whichever module a process loads first would meet the other
 * half-initialised.
 */
export function registerJobs(jobs: readonly JobDef[]): void {
  registered = jobs;
}

export const registeredJobs = (): readonly JobDef[] => registered;
