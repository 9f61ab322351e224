/**
 * Child process of the kill -9 test: opens the database, runs one scheduler tick of the daily
 * generation, and SIGKILLs itself at the named checkpoint — in the middle of a job's transaction.
 *   node --import tsx crash-child.test-support.ts <dataDir> <nowMs> <checkpoint>
 */
import { createScheduler } from './services';
import { GENERATION_JOBS } from './generation';
import { openCore } from './test-support';

const [dir, now, killAt] = process.argv.slice(2);
const { core } = await openCore(dir!, Number(now));
const s = createScheduler(core, {
  jobs: GENERATION_JOBS,
  instanceId: 'crashing-pc',
  onCheckpoint: (_job, label) => {
    if (label === killAt) process.kill(process.pid, 'SIGKILL');
  },
});
await s.tick();
// Reaching here means the checkpoint never came: the parent treats a normal exit as a failure.
process.exit(3);
