import { createCore, type Core } from '../../electron/node/core';
import { dispatch } from '../../electron/node/dispatch';
import { addDays, dayStartMs, todayIn } from '../../electron/common/dates';
import type { DialerNext, DialerQueue } from '../../electron/common/api/dialer';
import { lowScoreDueDate } from '../../electron/node/features/service';
import { NEXT_SQL, sourceOf } from '../../electron/node/features/call-center/dialer-queue';
import { log, percentile, round, type Metric } from './stats';

const DEMO_PASSWORD = 'demo1234';
const OPEN_TASKS = 50_000;
const PER_AGENT = 150;
const QUEUES: DialerQueue[] = ['regular_service', 'first_service', 'revisit_repair', 'solicitation'];

/**
 * 作业模式 at scale: `dialer.next_task.p95_ms`, the next task claimed with its card (customer, phones,
 * vehicles, attempts, recent calls, script) through the whole API path (session, validation, the
 * IMMEDIATE transaction), at 1M customers with 50,000 open tasks spread over the service agents and
 * kinds, a tenth of their customers 免打扰. Inside a transaction rolled back at the end.
 *
 * Each agent works down each queue: every task handed out is then marked 未接通 (an attempt now),
 * so the next call passes over all the tasks tried before — the queue's head after a morning's work
 * (up to PER_AGENT tasks skipped per call). Baseline: the queue's statement alone on raw
 * better-sqlite3 with the same binds.
 */
export async function benchDialer(dataDir: string): Promise<Metric[]> {
  const core = await createCore({ dataDir, bootstrapAdmin: false, readWorkers: 0 });
  const db = core.sqlite;
  const agents = db.prepare("SELECT id, username FROM users WHERE role = 'serviceAgent' AND active = 1 ORDER BY id").all() as { id: number; username: string }[];
  if (agents.length === 0) throw new Error('dialer bench: the seeded database has no service agents');
  const tokens = new Map<number, string>();
  for (const a of agents) tokens.set(a.id, (await core.auth.login(a.username, DEMO_PASSWORD)).token);
  db.exec('BEGIN');
  try {
    const tz = core.settings.get('dealer.timeZone');
    const now = core.clock.now();
    const today = todayIn(tz, now);
    // The figure is the same whenever the bench runs: calling all day.
    core.settings.set('callCenter.callingHours', '00:00-00:00');
    const t0 = performance.now();
    const made = fillOpenTasks(db, today, agents.map((a) => a.id), now);
    const open = openTasks(db);
    log(`dialer: ${made.toLocaleString()} open tasks added (${open.toLocaleString()} open in all, 招揽 included) in ${((performance.now() - t0) / 1000).toFixed(1)} s, rolled back at the end`);

    const attempt = db.prepare(
      "INSERT INTO dialer_attempts (source, task_id, queue, customer_id, user_id, result, at) VALUES (@source, @taskId, @queue, @customerId, @userId, 'noAnswer', @at)",
    );
    const api: number[] = [];
    const raw: number[] = [];
    let empty = 0;
    for (const a of agents) {
      const token = tokens.get(a.id)!;
      const ready = await dispatch(core, token, 'callCenter.state.set', { state: 'ready' });
      if (!ready.result.ok) throw new Error(`callCenter.state.set: ${ready.result.error.message}`);
      for (const queue of QUEUES) {
        const stmt = db.prepare(NEXT_SQL[sourceOf(queue)]);
        for (let i = 0; i < PER_AGENT; i++) {
          let t = performance.now();
          const r = await dispatch(core, token, 'dialer.next', { queue });
          const took = performance.now() - t;
          if (!r.result.ok) throw new Error(`dialer.next: ${r.result.error.message}`);
          const next = r.result.value as DialerNext;
          if (!next.card) {
            empty++;
            break;
          }
          api.push(took);
          t = performance.now();
          stmt.get({ me: a.id, session: 'bench', queue, due: queue === 'low_score' ? lowScoreDueDate(today) : today, today, now, retryAfter: now - 4 * 3_600_000, maxAttempts: 3, dayStart: dayStartMs(today, tz), exclude: '[]' });
          raw.push(performance.now() - t);
          attempt.run({ source: next.card.row.source, taskId: next.card.row.id, queue, customerId: next.card.customer.id, userId: a.id, at: now });
        }
      }
    }
    const p50 = percentile(api, 50);
    log(`dialer.next: ${api.length} tasks handed out (${empty} queues ran dry), p50 ${p50.toFixed(2)} ms, p95 ${percentile(api, 95).toFixed(2)} ms, max ${Math.max(...api).toFixed(1)} ms; the queue's statement alone p95 ${percentile(raw, 95).toFixed(2)} ms`);
    return [{ name: 'dialer.next_task.p95_ms', value: round(percentile(api, 95)), unit: 'ms', baseline: round(percentile(raw, 95)), goal: `≤ 20 ms (${OPEN_TASKS.toLocaleString()} open tasks)` }];
  } finally {
    db.exec('ROLLBACK');
    core.close();
  }
}

/** Open agent tasks and 招揽任务 of every agent: what the queues are read from. */
const openTasks = (db: Core['sqlite']) =>
  (db.prepare("SELECT (SELECT count(*) FROM tasks WHERE status IN ('open', 'in_progress')) + (SELECT count(*) FROM solicitation_tasks WHERE status IN ('assigned', 'in_progress'))").pluck().get() as number);

/**
 * Open tasks up to OPEN_TASKS (the seed has a few hundred): customers spread over the million, due
 * over the last 30 days up to today, of four kinds (招揽 as its own table), dealt round the agents.
 * Every tenth customer so tasked is made 免打扰 for calls (rolled back with the rest).
 */
function fillOpenTasks(db: Core['sqlite'], today: string, agents: number[], now: number): number {
  const open = openTasks(db);
  const maxCustomer = db.prepare('SELECT max(id) FROM customers').pluck().get() as number;
  const want = Math.max(0, OPEN_TASKS - open);
  const task = db.prepare(
    "INSERT OR IGNORE INTO tasks (kind, natural_key, customer_id, due_date, status, assignee_id, reason, created_at, updated_at) VALUES (?, ?, ?, ?, 'open', ?, '作业模式压测', ?, ?)",
  );
  const sol = db.prepare(
    "INSERT OR IGNORE INTO solicitation_tasks (natural_key, kind, customer_id, window_start, window_end, status, assignee_id, created_at, updated_at) VALUES (?, 'regular_service', ?, ?, ?, 'assigned', ?, ?, ?)",
  );
  const dnd = db.prepare('UPDATE customers SET dnd_call = 1 WHERE id = ?');
  const kinds = ['regular_service', 'first_service', 'revisit_repair'] as const;
  let made = 0;
  for (let i = 0; made < want; i++) {
    const customerId = 1 + ((i * 7919 + 13) % maxCustomer);
    // Kinds go round every 4, agents every 4 of those: each agent gets every kind.
    const agent = agents[Math.floor(i / 4) % agents.length]!;
    const due = addDays(today, -(i % 31));
    if (i % 4 === 3) made += sol.run(`bench-dialer-${i}`, customerId, addDays(due, -15), addDays(due, 15), agent, now, now).changes;
    else made += task.run(kinds[i % 4]!, `bench-dialer-${i}`, customerId, due, agent, now, now).changes;
    if (i % 10 === 0) dnd.run(customerId);
  }
  return made;
}
