import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ManualClock } from '../../electron/node/clock';
import { createCore } from '../../electron/node/core';
import { dbFile } from '../../electron/node/paths';
import { dayStartMs, todayIn } from '../../electron/common/dates';
import { GENERATION_JOBS } from '../../electron/node/features/scheduler/generation';
import { Scheduler } from '../../electron/node/features/scheduler/scheduler';
import { log, round, type Metric } from './stats';

/**
 * scheduler.daily.ms: one morning's whole daily task generation (every GENERATION_JOBS job for
 * today, each in its transaction) on a COPY of the seeded database (so the shared one does not
 * fill up with tasks); scheduler.daily_rerun.created: every job run again for the same day — the
 * natural keys must make it create nothing.
 */
export async function benchScheduler(dataDir: string): Promise<Metric[]> {
  const copyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dscrm-bench-sched-'));
  try {
    log('scheduler: copying the database (online backup)');
    const src = new Database(dbFile(dataDir), { readonly: true });
    await src.backup(dbFile(copyDir));
    src.close();
    // The shared database may already hold today's runs and their tasks: the web host bench starts
    // the app, whose scheduler catches up at once (and still holds the lease). Measure a morning that
    // has not run yet.
    const copy = new Database(dbFile(copyDir));
    const cleared = copy.transaction(() =>
      ['scheduler_lease', 'job_runs', 'task_escalations', 'tasks', 'solicitation_tasks'].map((t) => `${t} ${copy.prepare(`DELETE FROM ${t}`).run().changes}`),
    )();
    copy.close();
    log(`scheduler: cleared in the copy: ${cleared.join(', ')}`);
    const today = todayIn('Asia/Shanghai', Date.now());
    const clock = new ManualClock(dayStartMs(today, 'Asia/Shanghai') + 7 * 3_600_000);
    const core = await createCore({ dataDir: copyDir, clock, bootstrapAdmin: false });
    try {
      const s = new Scheduler(core, { jobs: GENERATION_JOBS, instanceId: 'bench' });
      const t0 = performance.now();
      const r = await s.tick();
      const ms = performance.now() - t0;
      if (r.runs.length !== GENERATION_JOBS.length) throw new Error(`scheduler bench: ${r.runs.length} of ${GENERATION_JOBS.length} jobs ran`);
      const failed = r.runs.filter((x) => x.status === 'failed');
      if (failed.length) throw new Error(`scheduler bench: ${failed.map((f) => `${f.job}: ${f.error}`).join('; ')}`);
      for (const x of r.runs) log(`scheduler: ${x.job} created ${x.created}`);
      const per = core.sqlite.prepare('SELECT job, ended_at - started_at AS ms, created, skipped FROM job_runs ORDER BY id').all();
      log(`scheduler: per job ${JSON.stringify(per)}`);
      let again = 0;
      for (const j of GENERATION_JOBS) again += (await s.runNow(j.id)).created;
      return [
        { name: 'scheduler.daily.ms', value: round(ms, 1), unit: 'ms', baseline: null, goal: '<= 10000' },
        { name: 'scheduler.daily.created', value: r.runs.reduce((n, x) => n + x.created, 0), unit: 'rows', baseline: null },
        { name: 'scheduler.daily_rerun.created', value: again, unit: 'rows', baseline: null, goal: '= 0' },
      ];
    } finally {
      core.close();
    }
  } finally {
    fs.rmSync(copyDir, { recursive: true, force: true });
  }
}
