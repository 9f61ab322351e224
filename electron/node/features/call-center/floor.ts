import type { FloorAgent, FloorView } from '../../../common/api/call-center';
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
 * and the state log (average wrap-up) — three grouped reads over today's rows (calls_started_idx
 * covers the calls'), not one per agent.
 */
export function floorView(core: Pick<Core, 'sqlite' | 'clock' | 'settings' | 'db' | 'visibility'>, s: SessionCtx, agents: AgentStates): FloorView {
  const now = core.clock.now();
  const tz = core.settings.get('dealer.timeZone');
  const from = dayStartMs(todayIn(tz, now), tz);
  const figures = new Map(
    core.sqlite
      .prepare<[number], Today & { userId: number }>(
        `SELECT user_id AS userId,
                sum(direction = 'inbound' AND answered_at IS NOT NULL) AS answered,
                sum(direction = 'inbound' AND answered_at IS NULL AND ended_at IS NOT NULL) AS missed,
                sum(direction = 'outbound') AS outbound,
                coalesce(sum(duration_s), 0) AS talkSeconds
           FROM calls WHERE started_at >= ? AND user_id IS NOT NULL GROUP BY user_id`,
      )
      .all(from)
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
        { userId: number; callId: number; direction: 'inbound' | 'outbound'; number: string | null; customerId: number | null; customerName: string | null; startedAt: number; answeredAt: number | null }
      >(
        `SELECT k.user_id AS userId, k.id AS callId, k.direction, CASE k.direction WHEN 'inbound' THEN k.from_number ELSE k.to_number END AS number,
                k.customer_id AS customerId, c.name AS customerName, k.started_at AS startedAt, k.answered_at AS answeredAt
           FROM calls k LEFT JOIN customers c ON c.id = k.customer_id
          WHERE k.started_at >= ? AND k.ended_at IS NULL AND k.user_id IS NOT NULL ORDER BY k.started_at`,
      )
      .all(now - 6 * 3600_000)
      .map((r) => [r.userId, r]),
  );
  const missedOpen = core.sqlite
    .prepare<[number], { n: number }>(
      `SELECT count(*) AS n FROM calls k
        WHERE k.started_at >= ? AND k.direction = 'inbound' AND k.answered_at IS NULL AND k.ended_at IS NOT NULL AND coalesce(k.from_number, '') <> ''
          AND NOT EXISTS (SELECT 1 FROM calls k2 WHERE k2.started_at > k.started_at AND k2.answered_at IS NOT NULL
                          AND (k2.from_number = k.from_number OR k2.to_number = k.from_number))`,
    )
    .get(from)!.n;
  const visible = core.visibility.visibleCustomers(s, 'c');
  const canSee = (id: number) => !!core.db.get(sql`SELECT 1 AS ok FROM customers c WHERE c.id = ${id} AND ${visible}`);
  return {
    at: now,
    missedOpen,
    agents: agents.agents().map((a) => {
      const c = open.get(a.userId);
      // The customer on the line as the manager may see them: a customer outside their view masked (张*).
      const name = c?.customerName == null ? null : canSee(c.customerId!) ? c.customerName : maskName(c.customerName);
      return {
        ...a,
        call: c ? { callId: c.callId, direction: c.direction, number: c.number ?? '', customerName: name, startedAt: c.startedAt, answeredAt: c.answeredAt } : null,
        today: { ...(figures.get(a.userId) ?? { answered: 0, missed: 0, outbound: 0, talkSeconds: 0 }), avgWrapUpSeconds: wrapUps.get(a.userId) ?? null },
      };
    }),
  };
}
