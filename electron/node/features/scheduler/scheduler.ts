import os from 'node:os';
import { schedule, type ScheduledTask } from 'node-cron';
import { AppError } from '../../errors';
import { jobErrorText, storedJobError } from './job-error';
import { DAY_MS as DAY, todayIn } from '../../../common/dates';
import { cronProblem, latestOccurrence, occurrences, plannedLabel, plannedMs } from './cron';
import type { JobContext, JobCore, JobDef, JobResult } from './job';
import { longWritesIdle } from '../../data-folder/long-write';
import { Lease } from './lease';

const MINUTE = 60_000;
/** Missed daily runs older than this are not caught up (a PC off for a month starts fresh). */
export const CATCH_UP_DAYS = 31;
/** A failed run is tried again this long after it failed, at most MAX_ATTEMPTS times in all. */
export const RETRY_AFTER_MS = 5 * MINUTE;
export const MAX_ATTEMPTS = 3;
/** How long a lease outlives its holder's last tick. */
export const LEASE_TTL_MS = 2 * MINUTE;

export interface SchedulerOptions {
  jobs: readonly JobDef[];
  /** Distinguishes app instances on one database (default host name + process id). */
  instanceId?: string;
  leaseTtlMs?: number;
  /** Test hook: called at every checkpoint of a run (e.g. to SIGKILL the process mid-transaction). */
  onCheckpoint?: (job: string, label: string) => void;
}

export interface TickReport {
  leader: boolean;
  runs: { job: string; plannedFor: string; status: 'ok' | 'failed'; created: number; error?: string }[];
}

interface RunRow {
  id: number;
  job: string;
  plannedFor: string;
  status: 'running' | 'ok' | 'failed';
  attempts: number;
  endedAt: number | null;
}

/** Marks a manual run's planned_for, so catch-up never counts it as a scheduled occurrence. */
const MANUAL = '#';

/**
 * Runs the registered jobs on their cron schedules in the dealer's time zone, with the job log in
 * job_runs. All decisions are made in tick() from core.clock: node-cron only wakes the process up
 * (once a minute), so tests move a ManualClock and call tick() instead of waiting.
 */
export class Scheduler {
  readonly instanceId: string;
  readonly lease: Lease;
  private cronTasks: ScheduledTask[] = [];
  private ticking: Promise<TickReport> | null = null;
  private inFlight = new Set<number>();
  private stopped = true;

  constructor(
    /** JobCore, not less: the scheduler hands this core to every job it runs (job.ts). */
    readonly core: JobCore,
    private opts: SchedulerOptions,
  ) {
    const ids = new Set<string>();
    for (const j of opts.jobs) {
      if (ids.has(j.id)) throw new Error(`duplicate job id ${j.id}`);
      ids.add(j.id);
      const p = cronProblem(j.cron);
      if (p) throw new Error(`job ${j.id}: default cron "${j.cron}" refused: ${p}`);
    }
    this.instanceId = opts.instanceId ?? `${os.hostname()}#${process.pid}`;
    this.lease = new Lease(core.sqlite, this.instanceId, opts.leaseTtlMs ?? LEASE_TTL_MS);
  }

  get jobs(): readonly JobDef[] {
    return this.opts.jobs;
  }

  private get tz(): string {
    return this.core.settings.get('dealer.timeZone');
  }

  job(id: string): JobDef {
    const j = this.opts.jobs.find((x) => x.id === id);
    if (!j) throw new AppError('NOT_FOUND', { job: id });
    return j;
  }

  /** The job's schedule: the admin's row, or the default cron. */
  scheduleOf(id: string): { cron: string; paused: boolean; updatedAt: number | null } {
    const row = this.core.sqlite.prepare('select cron, paused, updated_at as updatedAt from job_schedules where job = ?').get(id) as { cron: string; paused: number; updatedAt: number } | undefined;
    return row ? { cron: row.cron, paused: row.paused === 1, updatedAt: row.updatedAt } : { cron: this.job(id).cron, paused: false, updatedAt: null };
  }

  /**
   * Starts the wake-ups: one node-cron task a minute in the dealer's time zone, plus a first tick
   * now (the start-up catch-up). Stop with stop().
   */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    // A tick that fails (database busy or damaged, disk full) is logged and the next minute tries
    // again: a wake-up never takes the process down.
    const wake = () => void this.tick().catch((e: unknown) => console.error(`[scheduler] tick failed, next one in a minute:`, e));
    this.cronTasks.push(schedule('* * * * *', wake, { timezone: this.tz, name: `ds-crm-scheduler-${this.instanceId}`, noOverlap: true, suppressMissedWarning: true }));
    wake();
  }

  /** Stops the wake-ups, waits for a running tick, and hands the lease back. */
  async stop(): Promise<void> {
    const ticking = this.ticking;
    this.stopNow();
    if (ticking) await ticking.catch(() => undefined);
  }

  /**
   * The synchronous stop for a quitting process (Electron's will-quit): no more wake-ups, lease
   * handed back so another PC takes over at once. A run in progress is left to its transaction:
   * closing the database rolls it back and the next start runs it again.
   */
  stopNow(): void {
    this.stopped = true;
    for (const t of this.cronTasks) void t.destroy();
    this.cronTasks = [];
    try {
      this.lease.release();
    } catch {
      // the database may already be closed on shutdown; the lease then simply expires
    }
  }

  /** One pass: take the lease, run what is due (catch-up oldest first), retry failed runs. */
  tick(): Promise<TickReport> {
    if (this.ticking) return this.ticking;
    this.ticking = this.doTick().finally(() => {
      this.ticking = null;
    });
    return this.ticking;
  }

  private async doTick(): Promise<TickReport> {
    const report: TickReport = { leader: false, runs: [] };
    // A damaged database is not written to (docs/data-folder.md); jobs resume after the restore, and
    // wait while one is under way (its safety copy must hold every change).
    if (this.core.health.damaged || this.core.health.restoring) return report;
    // A long import holds the connection's transaction (long-write.ts): the jobs wait for it rather
    // than writing inside it, where a failed import would take their rows with it.
    await longWritesIdle(this.core.sqlite);
    const now = this.core.clock.now();
    if (!this.lease.acquire(now)) return report;
    report.leader = true;
    for (const job of this.opts.jobs) {
      const sch = this.scheduleOf(job.id);
      if (sch.paused) continue;
      for (const t of this.dueOccurrences(job, sch, now)) {
        report.runs.push(await this.runOccurrence(job, plannedLabel(t, this.tz)));
        this.lease.acquire(this.core.clock.now());
        // Let the app answer requests between runs (a run holds the one connection while it works).
        await new Promise((r) => setImmediate(r));
      }
    }
    // Runs left 'running' by a dead process (we hold the lease, so nobody else runs them), and
    // failed runs whose retry time has come.
    const again = this.core.sqlite
      .prepare(
        `select id, job, planned_for as plannedFor, status, attempts, ended_at as endedAt from job_runs
          where (status = 'running' or (status = 'failed' and attempts < ? and ended_at <= ?)) order by planned_for, id`,
      )
      .all(MAX_ATTEMPTS, now - RETRY_AFTER_MS) as RunRow[];
    for (const r of again) {
      if (this.inFlight.has(r.id)) continue;
      if (r.status === 'running' && r.attempts >= MAX_ATTEMPTS) {
        // Killed mid-run MAX_ATTEMPTS times (e.g. the run itself brings the app down): stop trying.
        this.core.sqlite
          .prepare("update job_runs set status = 'failed', ended_at = ?, error = ? where id = ? and status = 'running'")
          .run(now, storedJobError('interrupted', `interrupted ${r.attempts} times (the app stopped during the run)`), r.id);
        continue;
      }
      const job = this.opts.jobs.find((j) => j.id === r.job);
      if (!job || this.scheduleOf(job.id).paused) continue;
      report.runs.push(await this.runOccurrence(job, r.plannedFor));
    }
    return report;
  }

  /** Scheduled occurrences not yet in the log, oldest first. */
  private dueOccurrences(job: JobDef, sch: { cron: string; updatedAt: number | null }, now: number): number[] {
    const last = this.core.sqlite.prepare(`select max(planned_for) as p from job_runs where job = ? and instr(planned_for, '${MANUAL}') = 0`).get(job.id) as { p: string | null };
    const lastMs = last.p ? plannedMs(last.p, this.tz) : -Infinity;
    // Never before the schedule was last changed (or resumed): those times were not planned.
    // A job that never ran, or does not catch up, looks back one day: its latest occurrence runs
    // once (a backup due at 03:00 while the PC was off runs when it starts).
    const floor = job.catchUp && last.p ? now - CATCH_UP_DAYS * DAY : now - DAY;
    const after = Math.max(lastMs, sch.updatedAt ?? -Infinity, floor);
    if (!job.catchUp || !last.p) {
      const latest = latestOccurrence(sch.cron, this.tz, after, now);
      return latest == null ? [] : [latest];
    }
    return occurrences(sch.cron, this.tz, after, now);
  }

  /** Runs a job now (admin's 立即运行), whatever its schedule; logged like any run. */
  async runNow(id: string): Promise<TickReport['runs'][number]> {
    const job = this.job(id);
    const now = this.core.clock.now();
    return this.runOccurrence(job, `${plannedLabel(now, this.tz)}${MANUAL}${now}`);
  }

  /**
   * Claims the log row (job, planned_for) and runs it. A row already 'ok' is never run again; a
   * 'running' row of a dead runner or a 'failed' row is taken over (attempts + 1).
   */
  private async runOccurrence(job: JobDef, plannedFor: string): Promise<TickReport['runs'][number]> {
    const { sqlite } = this.core;
    const startedAt = this.core.clock.now();
    const claim = sqlite.transaction((): number | null => {
      const row = sqlite.prepare('select id, status from job_runs where job = ? and planned_for = ?').get(job.id, plannedFor) as { id: number; status: string } | undefined;
      if (!row) {
        return Number(
          sqlite
            .prepare("insert into job_runs (job, planned_for, started_at, status, runner, attempts, created, skipped) values (?, ?, ?, 'running', ?, 1, 0, 0)")
            .run(job.id, plannedFor, startedAt, this.instanceId).lastInsertRowid,
        );
      }
      if (row.status === 'ok' || this.inFlight.has(row.id)) return null;
      sqlite
        .prepare("update job_runs set status = 'running', started_at = ?, ended_at = null, error = null, runner = ?, attempts = attempts + 1 where id = ?")
        .run(startedAt, this.instanceId, row.id);
      return row.id;
    });
    const runId = claim.immediate();
    if (runId == null) return { job: job.id, plannedFor, status: 'ok', created: 0 };

    this.inFlight.add(runId);
    const plannedAt = plannedMs(plannedFor, this.tz);
    const day = plannedFor.slice(0, 10);
    const after: (() => void)[] = [];
    const dayCore: JobCore = Object.create(this.core, { clock: { value: { now: () => plannedAt } } });
    const ctx = (tx: JobContext['tx']): JobContext => ({
      core: this.core,
      dayCore,
      day,
      plannedAt,
      runId,
      tx,
      checkpoint: (label) => this.opts.onCheckpoint?.(job.id, label),
      afterCommit: (fn) => after.push(fn),
    });
    const finish = sqlite.prepare("update job_runs set status = 'ok', ended_at = ?, created = ?, skipped = ?, skipped_reasons = ?, error = null where id = ?");
    const record = (r: JobResult) => {
      const skipped = Object.values(r.skipped).reduce((a, b) => a + b, 0);
      finish.run(this.core.clock.now(), r.created, skipped, JSON.stringify(r.skipped), runId);
    };
    try {
      let result: JobResult;
      if (job.transactional) {
        // The job's rows and its 'ok' log row commit together: a crash in between leaves neither.
        result = this.core.db.transaction((tx) => {
          const r = job.run(ctx(tx));
          if (r instanceof Promise) throw new Error(`job ${job.id} is transactional but returned a promise`);
          record(r);
          return r;
        });
      } else {
        result = await job.run(ctx(this.core.db));
        record(result);
      }
      for (const fn of after) {
        try {
          fn();
        } catch {
          // a notification that could not be pushed is still stored; the user sees it on next load
        }
      }
      return { job: job.id, plannedFor, status: 'ok', created: result.created };
    } catch (e) {
      const error = jobErrorText(e);
      sqlite.prepare("update job_runs set status = 'failed', ended_at = ?, error = ? where id = ?").run(this.core.clock.now(), error, runId);
      return { job: job.id, plannedFor, status: 'failed', created: 0, error };
    } finally {
      this.inFlight.delete(runId);
    }
  }

  /** Saves an admin's cron for a job; an invalid expression is refused with the reason. */
  setCron(id: string, cron: string): void {
    this.job(id);
    const problem = cronProblem(cron);
    if (problem) throw new AppError('INVALID_INPUT', { issues: [`cron: ${problem}`], fields: [{ field: 'cron', message: problem }] });
    this.upsert(id, { cron: cron.trim().replace(/\s+/g, ' ') });
  }

  setPaused(id: string, paused: boolean): void {
    this.job(id);
    this.upsert(id, { paused });
  }

  private upsert(id: string, change: { cron?: string; paused?: boolean }): void {
    const cur = this.scheduleOf(id);
    const cron = change.cron ?? cur.cron;
    const paused = change.paused ?? cur.paused;
    this.core.sqlite
      .prepare('insert into job_schedules (job, cron, paused, updated_at) values (?, ?, ?, ?) on conflict(job) do update set cron = excluded.cron, paused = excluded.paused, updated_at = excluded.updated_at')
      .run(id, cron, paused ? 1 : 0, this.core.clock.now());
  }

  /** The dealer's today, for screens. */
  today(): string {
    return todayIn(this.tz, this.core.clock.now());
  }

  /** Next planned time of a job within the next 8 days (null when paused or none). */
  nextRun(id: string): number | null {
    const sch = this.scheduleOf(id);
    if (sch.paused) return null;
    const now = this.core.clock.now();
    return occurrences(sch.cron, this.tz, now, now + 8 * DAY, 1)[0] ?? null;
  }
}
