import type { FloorAgent, FloorQueue, FloorView } from '../../../common/api/call-center';
import type { DialerQueue } from '../../../common/api/dialer';
import { callsCtx, callsQuery, callsWhere } from '../analysis';
import { openDueSolicitationSql, openDueTasksSql, queuePreset } from '../service';
import { dayStartMs, todayIn } from '../../../common/dates';
import { sql } from 'drizzle-orm';
import type { Core } from '../../core';
import type { SessionCtx } from '../auth';
import { maskName } from '../customers';
import type { AgentStates } from './agent-states';

type Today = FloorAgent['today'];

/**
 * 坐席监控: the floor as the CS manager's wall board shows it — each agent's state (AgentStates), the
 * call they are on, and today's figures from the call log (answered, missed, outbound, talk time)
 * and the state log (average wrap-up) — grouped reads over today's rows (calls_started_idx covers
 * the calls'), not one per agent — and the queues' depths. Every figure but the average wrap-up comes
 * with its records' list (`drill`), counted by the same rule.
 */
export function floorView(core: Pick<Core, 'sqlite' | 'clock' | 'settings' | 'db' | 'visibility'>, s: SessionCtx, agents: AgentStates): FloorView {
  const now = core.clock.now();
  const tz = core.settings.get('dealer.timeZone');
  const today = todayIn(tz, now);
  const from = dayStartMs(today, tz);
  const range = { from: today, to: today };
  // Today's figures by 呼叫中心's own rules (calls-rules), so each drills to exactly its calls.
  const ctx = callsCtx(range, tz);
  const count = (key: string) => sql`coalesce(sum(case when ${callsWhere(key, ctx)} then 1 else 0 end), 0)`;
  const figures = new Map(
    core.db
      .all<Today & { userId: number }>(
        sql`SELECT c.user_id AS userId, ${count('in.a')} AS answered, ${count('in.mx')} AS missed, ${count('out')} AS outbound,
                   coalesce(sum(case when ${callsWhere('conn', ctx)} then c.duration_s else 0 end), 0) AS talkSeconds
              FROM calls c WHERE c.started_at >= ${from} AND c.user_id IS NOT NULL GROUP BY c.user_id`,
      )
      .map(({ userId, ...f }) => [userId, f]),
  );
  const wrapUps = new Map(
    core.sqlite
      .prepare<[number, number], { userId: number; avg: number }>(
        `SELECT user_id AS userId, avg(coalesce(ended_at, ?) - started_at) / 1000.0 AS avg FROM agent_state_log
          WHERE state = 'wrapUp' AND started_at >= ? GROUP BY user_id`,
      )
      .all(now, from)
      .map((r) => [r.userId, Math.round(r.avg)]),
  );
  // The call each agent is on: their newest call of the last hours that has not ended.
  const open = new Map(
    core.sqlite
      .prepare<
        [number],
        { userId: number; callId: number; direction: 'inbound' | 'outbound'; number: string | null; customerId: number | null; customerName: string | null; startedAt: number; answeredAt: number | null; extension: string | null }
      >(
        `SELECT k.user_id AS userId, k.id AS callId, k.direction, CASE k.direction WHEN 'inbound' THEN k.from_number ELSE k.to_number END AS number,
                k.customer_id AS customerId, c.name AS customerName, k.started_at AS startedAt, k.answered_at AS answeredAt, k.extension
           FROM calls k LEFT JOIN customers c ON c.id = k.customer_id
          WHERE k.started_at >= ? AND k.ended_at IS NULL AND k.user_id IS NOT NULL ORDER BY k.started_at`,
      )
      .all(now - 6 * 3600_000)
      .map((r) => [r.userId, r]),
  );
  const missedOpen = core.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM calls c WHERE ${callsWhere('in.ncb', ctx)}`)!.n;
  const visible = core.visibility.visibleCustomers(s, 'c');
  const canSee = (id: number) => !!core.db.get(sql`SELECT 1 AS ok FROM customers c WHERE c.id = ${id} AND ${visible}`);
  return {
    at: now,
    today,
    missedOpen,
    missedOpenDrill: [callsQuery('in.ncb', range)],
    queues: floorQueues(core, today),
    monitorCode: core.settings.get('callCenter.monitorCode'),
    agents: agents.agents().map((a) => {
      const c = open.get(a.userId);
      // The customer on the line as the manager may see them: a customer outside their view masked (张*).
      const name = c?.customerName == null ? null : canSee(c.customerId!) ? c.customerName : maskName(c.customerName);
      return {
        ...a,
        call: c ? { callId: c.callId, direction: c.direction, number: c.number ?? '', customerName: name, startedAt: c.startedAt, answeredAt: c.answeredAt, extension: c.extension } : null,
        today: { ...(figures.get(a.userId) ?? { answered: 0, missed: 0, outbound: 0, talkSeconds: 0 }), avgWrapUpSeconds: wrapUps.get(a.userId) ?? null },
        drill: {
          answered: [callsQuery('in.a', range, a.userId)],
          missed: [callsQuery('in.mx', range, a.userId)],
          outbound: [callsQuery('out', range, a.userId)],
          talk: [callsQuery('conn', range, a.userId)],
        },
      };
    }),
  };
}

/**
 * The queues' depths: every agent's open tasks due by today per kind, and their 招揽任务, by the
 * rule the task lists' 'queue:<queue>' preset lists (service/task-queues.ts). Two grouped reads over
 * the open-task partial indexes.
 */
function floorQueues(core: Pick<Core, 'db'>, today: string): FloorQueue[] {
  type Row = { queue: DialerQueue; due: number; overdue: number; oldestDue: string | null };
  const tasks = core.db.all<Row>(
    // INDEXED BY: without statistics the planner walks tasks_kind_due_idx over every task ever made
    // (160k at 1M: 52 ms) to group without a sort, instead of the few hundred open ones (0.1 ms).
    sql`SELECT c.kind AS queue, count(*) AS due, coalesce(sum(c.due_date < ${today}), 0) AS overdue, min(c.due_date) AS oldestDue
          FROM tasks c INDEXED BY tasks_open_queue_idx WHERE ${openDueTasksSql(today)} GROUP BY c.kind`,
  );
  const sol = core.db.get<Row>(
    sql`SELECT 'solicitation' AS queue, count(*) AS due, coalesce(sum(c.window_end < ${today}), 0) AS overdue, min(c.window_end) AS oldestDue
          FROM solicitation_tasks c WHERE ${openDueSolicitationSql(today)}`,
  )!;
  return [...tasks, ...(sol.due > 0 ? [sol] : [])]
    .sort((a, b) => b.due - a.due || a.queue.localeCompare(b.queue))
    .map((q) => ({ ...q, drill: [{ dataset: q.queue === 'solicitation' ? 'solicitationTasks' : 'serviceTasks', scope: 'all', filter: { columns: [], preset: queuePreset(q.queue) } }] }));
}
