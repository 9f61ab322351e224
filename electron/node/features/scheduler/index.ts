/**
 * The scheduler's public surface: the shape of a job other features register
 * (tests/architecture.test.ts refuses imports into the scheduler's other files).
 */
export type { JobDef, JobResult } from './job';
