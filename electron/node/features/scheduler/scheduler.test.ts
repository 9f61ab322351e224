import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, userWithSession } from '../../../../tests/support/core';
import type { ApiResult } from '../../../common/api/contract';
import type { Core } from '../../core';
import { addDays } from '../../../common/dates';
import { createTasks } from '../service/tasks';
import { expiryReminders, GENERATION_JOBS, salesRevisits } from './generation';
import { AuditedWriter } from '../admin/audited';
import { deliveries, vehicles } from '../../../../db/schema';
import type { JobDef } from './job';
import { JOBS } from '../../jobs';
import { databaseBackup, overdueEscalation, sessionCleanup } from './maintenance';
import { LEASE_TTL_MS, RETRY_AFTER_MS, Scheduler } from './scheduler';
import { createScheduler } from './services';
import { at, cloneDir, openCore, rmDir, seededTemplate, taskKeys } from './test-support';

const DAY0 = '2026-11-23';
const WEEK = [0, 1, 2, 3, 4, 5, 6].map((i) => addDays(DAY0, i));
const MINUTE = 60_000;

let template: string;
const dirs: string[] = [];
const cores: Core[] = [];
async function fresh(now: number) {
  const dir = cloneDir(template);
  dirs.push(dir);
  const o = await openCore(dir, now);
  cores.push(o.core);
  return { dir, ...o };
}
const runsOf = (core: Core, job: string) =>
  core.sqlite.prepare("SELECT planned_for AS plannedFor, status, runner, attempts, error FROM job_runs WHERE job = ? ORDER BY planned_for").all(job) as {
    plannedFor: string;
    status: string;
    runner: string;
    attempts: number;
    error: string | null;
  }[];

beforeAll(async () => {
  template = await seededTemplate(1500, DAY0);
}, 60_000);
afterAll(() => {
  for (const c of cores) {
    try {
      c.close();
    } catch {
      // already closed
    }
  }
  for (const d of [...dirs, template]) rmDir(d);
});

/** The uninterrupted week: the app open every morning at 07:00, the jobs due at 06:30. */
async function uninterruptedWeek(): Promise<string[]> {
  const { core, clock } = await fresh(at(WEEK[0]!, 7));
  const s = new Scheduler(core, { jobs: GENERATION_JOBS, instanceId: 'always-on' });
  for (const d of WEEK) {
    clock.set(at(d, 7));
    await s.tick();
  }
  return taskKeys(core);
}

describe('scheduler: catch-up after the PC was off', () => {
  it('a week with the app off on two nights catches up exactly those two days, oldest first, with the same tasks', async () => {
    const expected = await uninterruptedWeek();
    expect(expected.length).toBeGreaterThan(50);

    const { core, clock } = await fresh(at(WEEK[0]!, 7));
    const s = new Scheduler(core, { jobs: GENERATION_JOBS, instanceId: 'front-desk' });
    const off = new Set([WEEK[2]!, WEEK[4]!]);
    const catchUps: string[][] = [];
    for (const d of WEEK) {
      if (off.has(d)) continue; // switched off from the evening before until the next morning
      clock.set(at(d, 8, 15));
      const r = await s.tick();
      expect(r.leader).toBe(true);
      catchUps.push(r.runs.filter((x) => x.job === 'tasks.salesRevisits').map((x) => x.plannedFor));
    }
    // Each start runs what was missed, oldest first, then the day itself.
    expect(catchUps).toEqual([[`${WEEK[0]} 06:30`], [`${WEEK[1]} 06:30`], [`${WEEK[2]} 06:30`, `${WEEK[3]} 06:30`], [`${WEEK[4]} 06:30`, `${WEEK[5]} 06:30`], [`${WEEK[6]} 06:30`]]);
    for (const job of GENERATION_JOBS) {
      const runs = runsOf(core, job.id);
      expect(runs.map((r) => r.plannedFor.slice(0, 10)), job.id).toEqual(WEEK);
      expect(new Set(runs.map((r) => r.status))).toEqual(new Set(['ok']));
    }
    // Tasks dated as they would have been: identical to the week the PC never went off.
    expect(taskKeys(core)).toEqual(expected);
    // A repair revisit of a missed day is due on that day's window, not on the catch-up day.
    const missed = core.sqlite.prepare("SELECT count(*) FROM tasks WHERE job_run_id IN (SELECT id FROM job_runs WHERE planned_for LIKE ?)").pluck().get(`${WEEK[2]}%`) as number;
    expect(missed).toBeGreaterThan(0);
  }, 60_000);

  it('a second tick, or a second start the same day, generates nothing again', async () => {
    const { core, clock } = await fresh(at(DAY0, 7));
    const s = new Scheduler(core, { jobs: GENERATION_JOBS, instanceId: 'pc-1' });
    const first = await s.tick();
    expect(first.runs.reduce((n, r) => n + r.created, 0)).toBeGreaterThan(0);
    clock.advance(3 * 3_600_000);
    const again = await new Scheduler(core, { jobs: GENERATION_JOBS, instanceId: 'pc-1' }).tick();
    expect(again.runs).toEqual([]);
    // Run now of every job the same day: the natural keys make every task "already there".
    for (const j of GENERATION_JOBS) expect((await s.runNow(j.id)).created, j.id).toBe(0);
  }, 60_000);
});

describe('scheduler: DND customers', () => {
  it('get no task and are counted as skipped with reason dnd', async () => {
    const { core } = await fresh(at(DAY0, 7));
    const day1 = addDays(DAY0, -1);
    // Two deliveries yesterday (two customers), two birthdays today; one of each customer is DND.
    const [d1, d2] = core.sqlite.prepare('SELECT min(id) AS id, customer_id AS c FROM deliveries GROUP BY customer_id ORDER BY 1 LIMIT 2').all() as { id: number; c: number }[];
    core.sqlite.prepare('UPDATE deliveries SET delivery_date = ? WHERE id IN (?, ?)').run(day1, d1!.id, d2!.id);
    const [b1, b2] = core.sqlite.prepare('SELECT id FROM customers WHERE id NOT IN (?, ?) ORDER BY id LIMIT 2').pluck().all(d1!.c, d2!.c) as number[];
    core.sqlite.prepare("UPDATE customers SET birthday = '1980-' || ?, birthday_md = ? WHERE id IN (?, ?)").run(DAY0.slice(5), DAY0.slice(5), b1, b2);
    core.sqlite.prepare('UPDATE customers SET dnd_revisit = 0, dnd_call = 0, dnd_sms = 0 WHERE id IN (?, ?, ?, ?)').run(d1!.c, d2!.c, b1, b2);
    const delivered = d1!.c;
    const born = b1;
    core.sqlite.prepare('UPDATE customers SET dnd_revisit = 1 WHERE id = ?').run(delivered);
    core.sqlite.prepare('UPDATE customers SET dnd_call = 1 WHERE id = ?').run(born);
    const s = new Scheduler(core, { jobs: GENERATION_JOBS.filter((j) => j.id === 'tasks.salesRevisits' || j.id === 'tasks.birthdays'), instanceId: 'dnd' });
    await s.tick();
    const reasons = (job: string) => JSON.parse(core.sqlite.prepare('SELECT skipped_reasons FROM job_runs WHERE job = ?').pluck().get(job) as string) as Record<string, number>;
    expect(reasons('tasks.salesRevisits').dnd).toBeGreaterThanOrEqual(1);
    expect(reasons('tasks.birthdays').dnd).toBeGreaterThanOrEqual(1);
    const tasksOf = (id: number, kind: string) => core.sqlite.prepare('SELECT count(*) FROM tasks WHERE customer_id = ? AND kind = ?').pluck().get(id, kind);
    expect(tasksOf(delivered, 'revisit_sales')).toBe(0);
    expect(tasksOf(born!, 'birthday')).toBe(0);
    // The others delivered yesterday / born today get theirs, due today.
    expect(tasksOf(d2!.c, 'revisit_sales')).toBe(1);
    expect(tasksOf(b2!, 'birthday')).toBe(1);
  }, 60_000);
});

describe('scheduler: late entries', () => {
  it('an insurance expiry typed in after its slice day gets its task on the next run, exactly once', async () => {
    const { core, clock } = await fresh(at(WEEK[0]!, 7));
    const s = new Scheduler(core, { jobs: [expiryReminders], instanceId: 'desk' });
    await s.tick();
    // A vehicle of a customer who takes calls, its insurance recorded as expiring in a year.
    const v = core.sqlite
      .prepare('SELECT v.id FROM vehicles v JOIN customers c ON c.id = v.customer_id WHERE c.dnd_call = 0 AND c.dnd_sms = 0 AND v.insurance_expiry > ? ORDER BY v.id LIMIT 1')
      .pluck()
      .get(addDays(WEEK[0]!, 300)) as number;
    expect(v).toBeGreaterThan(0);
    const tasksOf = () => core.sqlite.prepare("SELECT due_date FROM tasks WHERE kind = 'expiry_insurance' AND vehicle_id = ?").pluck().all(v) as string[];
    // Corrected at 10:00 on day 0: it falls due in 10 days, so its slice day (30 days ahead) has passed.
    const due = addDays(WEEK[0]!, 10);
    clock.set(at(WEEK[0]!, 10));
    new AuditedWriter(core.db, core.clock).update(null, 'vehicle', vehicles, v, { insuranceExpiry: due, updatedAt: clock.now() });
    expect(tasksOf()).toEqual([]);
    clock.set(at(WEEK[1]!, 7));
    await s.tick();
    expect(tasksOf()).toEqual([due]);
    // Changed again (the same date re-saved) and the next mornings: still one task.
    clock.set(at(WEEK[1]!, 9));
    new AuditedWriter(core.db, core.clock).update(null, 'vehicle', vehicles, v, { insuranceExpiry: due, updatedAt: clock.now() });
    for (const d of [WEEK[2]!, WEEK[3]!]) {
      clock.set(at(d, 7));
      await s.tick();
    }
    expect(tasksOf()).toEqual([due]);
    expect(runsOf(core, expiryReminders.id).map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
  });

  it('a delivery recorded after its day-1 revisit day gets that revisit on the next run, once; one from long ago gets none', async () => {
    const { core, clock } = await fresh(at(WEEK[0]!, 7));
    const s = new Scheduler(core, { jobs: [salesRevisits], instanceId: 'desk' });
    await s.tick();
    const opp = core.sqlite
      .prepare('SELECT o.id, o.customer_id AS customerId FROM opportunities o JOIN customers c ON c.id = o.customer_id WHERE c.dnd_revisit = 0 ORDER BY o.id LIMIT 2')
      .all() as { id: number; customerId: number }[];
    // Recorded at 18:00 on day 0: delivered 3 days earlier (the day-1 revisit day has passed), and one 40 days ago.
    clock.set(at(WEEK[0]!, 18));
    const w = new AuditedWriter(core.db, core.clock);
    const [late, old] = [3, 40].map((ago, i) =>
      w.insert(null, 'delivery', deliveries, { opportunityId: opp[i]!.id, customerId: opp[i]!.customerId, vin: `LATE${i}0000000000000`.slice(0, 17), model: 'X', price: 1, deliveryDate: addDays(WEEK[0]!, -ago), buyerIdNumber: '-', createdAt: clock.now() }).id,
    );
    const revisitsOf = (id: number) => core.sqlite.prepare("SELECT due_date AS due, reason FROM tasks WHERE kind = 'revisit_sales' AND ref_type = 'delivery' AND ref_id = ?").all(id) as { due: string; reason: string }[];
    for (const d of [WEEK[1]!, WEEK[2]!]) {
      clock.set(at(d, 7));
      await s.tick();
    }
    expect(revisitsOf(late!)).toEqual([{ due: WEEK[1]!, reason: `交车第 1 天回访(交车 ${addDays(WEEK[0]!, -3)},补录)` }]);
    expect(revisitsOf(old!)).toEqual([]);
    // Its day-7 revisit still comes from the day's slice.
    clock.set(at(addDays(WEEK[0]!, 4), 7));
    await s.tick();
    expect(revisitsOf(late!).map((r) => r.due)).toEqual([WEEK[1]!, addDays(WEEK[0]!, 4)]);
  });
});

describe('scheduler: several app instances on one database', () => {
  it('a second instance started at the same time generates nothing twice', async () => {
    const single = await fresh(at(DAY0, 7));
    await new Scheduler(single.core, { jobs: GENERATION_JOBS, instanceId: 'alone' }).tick();
    const expected = taskKeys(single.core);

    const a = await fresh(at(DAY0, 7));
    const b = await openCore(a.dir, at(DAY0, 7)); // the other PC: its own connection and clock
    cores.push(b.core);
    const sa = new Scheduler(a.core, { jobs: GENERATION_JOBS, instanceId: 'pc-a' });
    const sb = new Scheduler(b.core, { jobs: GENERATION_JOBS, instanceId: 'pc-b' });
    const [ra, rb] = await Promise.all([sa.tick(), sb.tick()]);
    expect([ra.leader, rb.leader].filter(Boolean)).toHaveLength(1);
    // Even the loser pressing 立即运行 on every job creates nothing twice.
    for (const j of GENERATION_JOBS) await sb.runNow(j.id);
    expect(taskKeys(a.core)).toEqual(expected);
    const dup = a.core.sqlite.prepare('SELECT count(*) - count(DISTINCT natural_key) FROM tasks').pluck().get();
    expect(dup).toBe(0);
    for (const j of GENERATION_JOBS) expect(runsOf(a.core, j.id).filter((r) => !r.plannedFor.includes('#'))).toHaveLength(1);
  }, 60_000);

  it('when the runner dies, another instance takes over after the lease expires', async () => {
    const a = await fresh(at(DAY0, 7));
    const b = await openCore(a.dir, at(DAY0, 7, 1));
    cores.push(b.core);
    const jobs = [GENERATION_JOBS[0]!];
    const sa = new Scheduler(a.core, { jobs, instanceId: 'pc-a' });
    const sb = new Scheduler(b.core, { jobs, instanceId: 'pc-b' });
    expect((await sa.tick()).leader).toBe(true);
    expect((await sb.tick()).leader).toBe(false);
    // pc-a is switched off without a clean stop; the lease still names it until it expires.
    b.clock.set(at(DAY0, 7) + LEASE_TTL_MS - MINUTE);
    expect((await sb.tick()).leader).toBe(false);
    b.clock.set(at(addDays(DAY0, 1), 7));
    const r = await sb.tick();
    expect(r.leader).toBe(true);
    expect(r.runs.map((x) => x.plannedFor)).toEqual([`${addDays(DAY0, 1)} 06:30`]);
    expect(runsOf(a.core, jobs[0]!.id).map((x) => x.runner)).toEqual(['pc-a', 'pc-b']);
    // A clean stop hands the lease over at once.
    await sb.stop();
    a.clock.set(at(addDays(DAY0, 1), 7, 5));
    expect((await sa.tick()).leader).toBe(true);
  }, 60_000);
});

describe('scheduler: a crash in the middle of a run', () => {
  it('kill -9 of the process mid-transaction leaves none of that run, and the next start completes it', async () => {
    const now = at(DAY0, 7);
    const expected = await (async () => {
      const x = await fresh(now);
      await new Scheduler(x.core, { jobs: GENERATION_JOBS, instanceId: 'whole' }).tick();
      return taskKeys(x.core);
    })();

    const dir = cloneDir(template);
    dirs.push(dir);
    const script = path.join(import.meta.dirname, 'crash-child.test-support.ts');
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      const p = spawn(process.execPath, ['--import', 'tsx', script, dir, String(now), 'expiry_insurance'], { stdio: 'inherit' });
      p.on('exit', (code, signal) => resolve({ code, signal }));
    });
    expect(exit.signal).toBe('SIGKILL');

    const { core, clock } = await openCore(dir, now + MINUTE);
    cores.push(core);
    // The expiry job was killed after writing its insurance tasks, before committing: none are there.
    expect(runsOf(core, 'tasks.expiryReminders').map((r) => r.status)).toEqual(['running']);
    expect(core.sqlite.prepare("SELECT count(*) FROM tasks WHERE kind LIKE 'expiry_%'").pluck().get()).toBe(0);
    // The jobs before it committed theirs.
    expect(runsOf(core, 'tasks.serviceReminders').map((r) => r.status)).toEqual(['ok']);

    // Restart on this PC (a new process): once the dead one's lease has expired, the tick completes the day.
    const s = createScheduler(core, { jobs: GENERATION_JOBS, instanceId: 'restarted' });
    expect((await s.tick()).leader).toBe(false);
    clock.set(now + LEASE_TTL_MS + MINUTE);
    const r = await s.tick();
    expect(r.leader).toBe(true);
    expect(runsOf(core, 'tasks.expiryReminders')).toMatchObject([{ status: 'ok', attempts: 2, runner: 'restarted' }]);
    expect(taskKeys(core)).toEqual(expected);
  }, 60_000);
});

describe('scheduler: failures, retries, pause, run now', () => {
  const counting = (id: string, failFirst: number): JobDef & { calls: number } => {
    const j = {
      id,
      label: { zh: id, en: id },
      cron: '0 6 * * *',
      catchUp: true,
      transactional: true,
      calls: 0,
      run() {
        j.calls++;
        if (j.calls <= failFirst) throw new Error(`${id} broke (${j.calls})`);
        return { created: 1, skipped: { dnd: 2 } };
      },
    };
    return j;
  };

  it('a throwing job is logged with its error, the next jobs still run, and it is retried later', async () => {
    const t = await makeCore();
    try {
      const boom = counting('boom', 2);
      const fine = counting('fine', 0);
      t.clock.set(at(DAY0, 7));
      const s = new Scheduler(t.core, { jobs: [boom, fine], instanceId: 'x' });
      const r1 = await s.tick();
      expect(r1.runs.map((r) => [r.job, r.status])).toEqual([
        ['boom', 'failed'],
        ['fine', 'ok'],
      ]);
      expect(runsOf(t.core, 'boom')).toMatchObject([{ status: 'failed', error: 'boom broke (1)', attempts: 1 }]);
      expect(t.core.sqlite.prepare("SELECT skipped, skipped_reasons FROM job_runs WHERE job = 'fine'").get()).toEqual({ skipped: 2, skipped_reasons: '{"dnd":2}' });
      // Not retried at once...
      expect((await s.tick()).runs).toEqual([]);
      // ...but after a while, until it works (at most MAX_ATTEMPTS tries).
      t.clock.advance(RETRY_AFTER_MS);
      expect((await s.tick()).runs.map((r) => r.status)).toEqual(['failed']);
      t.clock.advance(RETRY_AFTER_MS);
      expect((await s.tick()).runs.map((r) => r.status)).toEqual(['ok']);
      expect(runsOf(t.core, 'boom')).toMatchObject([{ status: 'ok', error: null, attempts: 3 }]);
      expect(fine.calls).toBe(1);
    } finally {
      t.cleanup();
    }
  });

  it('jobs without catch-up run their latest missed occurrence once: the current minute, the 03:00 backup at start-up', async () => {
    const t = await makeCore();
    try {
      t.clock.set(at(DAY0, 8, 17) + 20_000);
      const s = new Scheduler(t.core, { jobs: [overdueEscalation, databaseBackup, sessionCleanup], instanceId: 'x' });
      const r = await s.tick();
      expect(Object.fromEntries(r.runs.map((x) => [x.job, x.plannedFor]))).toEqual({
        'tasks.overdueEscalation': `${DAY0} 08:17`,
        'maintenance.backup': `${DAY0} 03:00`,
        'maintenance.sessions': `${DAY0} 03:15`,
      });
      // Two days off: still one backup, the latest one; the every-minute job runs for this minute only.
      t.clock.set(at(addDays(DAY0, 2), 9, 5));
      const r2 = await s.tick();
      expect(Object.fromEntries(r2.runs.map((x) => [x.job, x.plannedFor]))).toMatchObject({
        'tasks.overdueEscalation': `${addDays(DAY0, 2)} 09:05`,
        'maintenance.backup': `${addDays(DAY0, 2)} 03:00`,
      });
      expect(r2.runs).toHaveLength(3);
    } finally {
      t.cleanup();
    }
  });

  it('a paused job does not run, and after resuming does not run the paused days', async () => {
    const t = await makeCore();
    try {
      const j = counting('daily', 0);
      t.clock.set(at(DAY0, 7));
      const s = new Scheduler(t.core, { jobs: [j], instanceId: 'x' });
      await s.tick();
      s.setPaused('daily', true);
      t.clock.set(at(addDays(DAY0, 2), 7));
      expect((await s.tick()).runs).toEqual([]);
      expect(s.nextRun('daily')).toBeNull();
      s.setPaused('daily', false);
      t.clock.set(at(addDays(DAY0, 3), 7));
      expect((await s.tick()).runs.map((r) => r.plannedFor)).toEqual([`${addDays(DAY0, 3)} 06:00`]);
      // 立即运行 runs whatever the schedule, logged as a manual run.
      const now = await s.runNow('daily');
      expect(now.status).toBe('ok');
      expect(runsOf(t.core, 'daily').filter((r) => r.plannedFor.includes('#'))).toHaveLength(1);
    } finally {
      t.cleanup();
    }
  });
});

describe('scheduler: admin API', () => {
  let t: Awaited<ReturnType<typeof makeCore>>;
  let admin: string;
  let manager: string;
  beforeAll(async () => {
    t = await makeCore();
    t.clock.set(at(DAY0, 7));
    createScheduler(t.core, { jobs: JOBS, instanceId: 'api' });
    admin = (await userWithSession(t.core, 'root', 'admin')).token;
    manager = (await userWithSession(t.core, 'csm', 'serviceManager')).token;
  });
  afterAll(() => t.cleanup());

  it('an invalid cron expression is refused with the reason; a valid one is saved and planned in the dealer time zone', async () => {
    for (const bad of ['61 6 * * *', 'every day', '0 6 * * * *', '0 25 * * *']) {
      const r = (await call(t.core, admin, 'scheduler.setCron', { job: 'tasks.birthdays', cron: bad })) as ApiResult<unknown>;
      expect(r.ok, bad).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('INVALID_INPUT');
      const fields = r.error.details?.fields as { field: string; message: string }[];
      expect(fields[0]!.field).toBe('cron');
      expect(fields[0]!.message).toMatch(/^cron 表达式无效/);
    }
    expect(t.core.sqlite.prepare("SELECT count(*) FROM job_schedules WHERE job = 'tasks.birthdays'").pluck().get()).toBe(0);
    const ok = (await call(t.core, admin, 'scheduler.setCron', { job: 'tasks.birthdays', cron: '0  9 * * 1-5' })) as ApiResult<{ cron: string; nextRun: number }>;
    expect(ok.ok && ok.value.cron).toBe('0 9 * * 1-5');
    // Monday 07:00 → 09:00 the same day, Shanghai time.
    expect(ok.ok && ok.value.nextRun).toBe(at(DAY0, 9));
  });

  it('only an administrator reads or changes the schedule or runs a job', async () => {
    for (const [m, input] of [
      ['scheduler.overview', {}],
      ['scheduler.setCron', { job: 'tasks.birthdays', cron: '0 7 * * *' }],
      ['scheduler.setPaused', { job: 'tasks.birthdays', paused: true }],
      ['scheduler.runNow', { job: 'tasks.birthdays' }],
    ] as const) {
      const r = (await call(t.core, manager, m, input)) as ApiResult<unknown>;
      expect(r.ok ? 'ok' : r.error.code, m).toBe('FORBIDDEN');
    }
    const rows = (await call(t.core, manager, 'grid.query', { dataset: 'jobRuns', scope: 'mine', columns: ['id'], limit: 10 })) as ApiResult<{ rows: unknown[] }>;
    expect(rows.ok ? rows.value.rows.length : 0).toBe(0);
  });

  it('pause, run now and the overview as the admin screen uses them', async () => {
    const p = (await call(t.core, admin, 'scheduler.setPaused', { job: 'maintenance.sessions', paused: true })) as ApiResult<{ paused: boolean }>;
    expect(p.ok && p.value.paused).toBe(true);
    const r = (await call(t.core, admin, 'scheduler.runNow', { job: 'maintenance.sessions' })) as ApiResult<{ status: string }>;
    expect(r.ok && r.value.status).toBe('ok');
    const o = (await call(t.core, admin, 'scheduler.overview', {})) as ApiResult<{ jobs: { id: string; paused: boolean; last: { status: string } | null }[] }>;
    expect(o.ok).toBe(true);
    if (!o.ok) return;
    expect(o.value.jobs.map((j) => j.id)).toEqual(JOBS.map((j) => j.id));
    expect(o.value.jobs.find((j) => j.id === 'maintenance.sessions')).toMatchObject({ paused: true, last: { status: 'ok' } });
    const audit = t.core.sqlite.prepare("SELECT count(*) FROM audit_log WHERE entity = 'job_schedule' AND entity_id = 'maintenance.sessions'").pluck().get();
    expect(audit).toBe(1);
    // The job log on the grid: the admin reads it (names, not ids); a manager's 全部 is refused.
    const log = (await call(t.core, admin, 'grid.query', { dataset: 'jobRuns', scope: 'all', columns: ['job', 'status'], limit: 10 })) as ApiResult<{ rows: Record<string, unknown>[] }>;
    expect(log.ok && log.value.rows.map((r) => r.status)).toEqual(['ok']);
    const denied = (await call(t.core, manager, 'grid.query', { dataset: 'jobRuns', scope: 'all', columns: ['job'], limit: 10 })) as ApiResult<unknown>;
    expect(denied.ok ? 'ok' : denied.error.code).toBe('FORBIDDEN');
  });
});

describe('scheduler: maintenance jobs', () => {
  it('backup: a verified copy in the data folder, the newest of the last N days kept', async () => {
    const t = await makeCore();
    try {
      t.core.settings.set('scheduler.backupKeep', 2);
      t.core.settings.set('backup.keepWeekly', 0);
      t.core.settings.set('backup.keepMonthly', 0);
      const s = new Scheduler(t.core, { jobs: JOBS, instanceId: 'b' });
      for (const [d, h] of [[0, 3], [1, 3], [1, 4], [2, 3]] as const) {
        t.clock.set(at(addDays(DAY0, d), h));
        expect((await s.runNow('maintenance.backup')).status).toBe('ok');
      }
      const dir = path.join(t.dir, 'backups');
      const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sqlite')).sort();
      expect(files).toEqual(['ds-crm-2026-11-24-0400.sqlite', 'ds-crm-2026-11-25-0300.sqlite']);
      const copy = new Database(path.join(dir, files[1]!), { readonly: true });
      expect(copy.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'customers'").pluck().get()).toBe(1);
      copy.close();
    } finally {
      t.cleanup();
    }
  });

  it('an overdue task is escalated to the service managers once', async () => {
    const t = await makeCore();
    try {
      const mgr = await userWithSession(t.core, 'csm', 'serviceManager');
      const customerId = Number(t.core.sqlite.prepare("INSERT INTO customers (name, created_at, updated_at) VALUES ('甲', 0, 0)").run().lastInsertRowid);
      createTasks(t.core, null, [
        { kind: 'birthday', customerId, dueDate: addDays(DAY0, -1) },
        { kind: 'churn', customerId, dueDate: DAY0 },
      ]);
      t.clock.set(at(DAY0, 9));
      const s = new Scheduler(t.core, { jobs: JOBS, instanceId: 'e' });
      expect((await s.runNow('tasks.overdueEscalation')).created).toBe(1);
      t.clock.advance(MINUTE);
      expect((await s.runNow('tasks.overdueEscalation')).created).toBe(0);
      // The next day the churn task is overdue too; the birthday one was already told about.
      t.clock.set(at(addDays(DAY0, 1), 9));
      expect((await s.runNow('tasks.overdueEscalation')).created).toBe(1);
      const notes = t.core.sqlite.prepare('SELECT user_id AS userId, kind, title FROM notifications ORDER BY id').all();
      expect(notes).toEqual([
        { userId: mgr.userId, kind: 'tasks.overdue', title: '1 个任务已逾期未完成' },
        { userId: mgr.userId, kind: 'tasks.overdue', title: '1 个任务已逾期未完成' },
      ]);
      expect(t.core.sqlite.prepare('SELECT count(*) FROM task_escalations').pluck().get()).toBe(2);
    } finally {
      t.cleanup();
    }
  });

  it("once a day's overdue tasks are all escalated, one made overdue later that day waits for the next morning (the core's memo)", async () => {
    const t = await makeCore();
    try {
      await userWithSession(t.core, 'csm', 'serviceManager');
      const customerId = Number(t.core.sqlite.prepare("INSERT INTO customers (name, created_at, updated_at) VALUES ('乙', 0, 0)").run().lastInsertRowid);
      createTasks(t.core, null, [{ kind: 'birthday', customerId, dueDate: addDays(DAY0, -1) }]);
      t.clock.set(at(DAY0, 9));
      const s = new Scheduler(t.core, { jobs: JOBS, instanceId: 'm' });
      expect((await s.runNow('tasks.overdueEscalation')).created).toBe(1);
      // Dated in the past after the day's scan finished: not looked for again today.
      createTasks(t.core, null, [{ kind: 'churn', customerId, dueDate: addDays(DAY0, -2) }]);
      t.clock.advance(MINUTE);
      expect((await s.runNow('tasks.overdueEscalation')).created).toBe(0);
      // A second scheduler on the same core shares the memo: it belongs to the core, not to one scheduler.
      expect((await new Scheduler(t.core, { jobs: JOBS, instanceId: 'n' }).runNow('tasks.overdueEscalation')).created).toBe(0);
      t.clock.set(at(addDays(DAY0, 1), 9));
      expect((await s.runNow('tasks.overdueEscalation')).created).toBe(1);
      expect(t.core.sqlite.prepare('SELECT count(*) FROM task_escalations').pluck().get()).toBe(2);
    } finally {
      t.cleanup();
    }
  });

  it('tasks are due by the day, not a time: an appointment reminder is not overdue at 23:59 of its day and is escalated at 00:00 (Shanghai)', async () => {
    const t = await makeCore();
    try {
      await userWithSession(t.core, 'csm', 'serviceManager');
      const customerId = Number(t.core.sqlite.prepare("INSERT INTO customers (name, created_at, updated_at) VALUES ('乙', 0, 0)").run().lastInsertRowid);
      // Made at 06:30 for tomorrow's 09:00 booking, due today: the agent has the whole day to call.
      createTasks(t.core, null, [{ kind: 'appointment_reminder', customerId, dueDate: DAY0, reason: `预约 ${addDays(DAY0, 1)} 09:00` }]);
      const s = new Scheduler(t.core, { jobs: JOBS, instanceId: 'e' });
      t.clock.set(Date.UTC(2026, 10, 23, 15, 59)); // 23:59 on DAY0 in Shanghai
      expect((await s.runNow('tasks.overdueEscalation')).created).toBe(0);
      // A task handed out later that day already past its due day (生成任务 over a window that
      // started earlier) waits for the next morning's scan: the day's scan is done.
      createTasks(t.core, null, [{ kind: 'first_service', customerId, dueDate: addDays(DAY0, -3) }]);
      expect((await s.runNow('tasks.overdueEscalation')).created).toBe(0);
      t.clock.set(Date.UTC(2026, 10, 23, 16, 0)); // 00:00 on the next day in Shanghai
      expect((await s.runNow('tasks.overdueEscalation')).created).toBe(2);
      t.clock.advance(MINUTE);
      expect((await s.runNow('tasks.overdueEscalation')).created).toBe(0);
    } finally {
      t.cleanup();
    }
  });
});
