/**
 * The demo's call log (呼叫中心), as the softphone's CallLog writes it: every revisit attempt an
 * outbound call from its agent's seat to the customer's primary mobile (answered with ring and talk
 * time, outcome 'done'; unanswered ones 'noAnswer', 0 s), every closed follow-up and reminder task
 * the agent's call (task_id), and inbound calls from customers' phones over the last 365 days in
 * working hours (08:30–18:30 Asia/Shanghai), 88 % answered by an agent with a business outcome, the
 * rest 'missed' — and most missed calls called back by the agent they rang (呼叫中心's 24-hour rule).
 */
import type { AftersalesCtx } from './aftersales';
import { HASH_FN, dayOfMs, localMs, weighted, workMinute } from './aftersales-sql';

const COLUMNS = 'direction, from_number, to_number, extension, user_id, customer_id, task_id, sip_call_id, started_at, answered_at, ended_at, duration_s, outcome, seat_id';
/** The customer's primary mobile as the seat dials it (normalized without the 86); `customer` must be qualified (p has the column too). */
const phoneOf = (customer: string) => `(SELECT substr(p.normalized, 3) FROM customer_phones p WHERE p.customer_id = ${customer} AND p.is_primary = 1 LIMIT 1)`;

/** `callBase`: a revisit's last call has the id callBase + temp.demo_rv.n (its revisits.call_id). */
export function seedCalls(ctx: AftersalesCtx, callBase: number): void {
  const { sqlite, T } = ctx;
  const ext = ctx.extensionOf('agent');
  const done = "status = 'done'";
  // The revisit's last call: answered and ended when it was saved, or its last unanswered attempt.
  sqlite.exec(`
    INSERT INTO calls (id, ${COLUMNS})
    SELECT ${callBase} + n, 'outbound', ${ext}, ${phoneOf('x.customer_id')}, ${ext}, agent, customer_id, NULL, NULL,
           CASE WHEN ${done} THEN final_at - (talk + ring) * 1000 ELSE final_at END,
           CASE WHEN ${done} THEN final_at - talk * 1000 END,
           CASE WHEN ${done} THEN final_at ELSE final_at + ring * 1000 END,
           CASE WHEN ${done} THEN talk ELSE 0 END, CASE WHEN ${done} THEN 'done' ELSE 'noAnswer' END, NULL
      FROM temp.demo_rv x ORDER BY n;
    INSERT INTO calls (${COLUMNS})
    SELECT 'outbound', ${ext}, ${phoneOf('x.customer_id')}, ${ext}, agent, customer_id, NULL, NULL,
           ${localMs('day + k.i', '510 + (h1 / 960) % 560 + (k.i - 1) * 17')}, NULL, ${localMs('day + k.i', '510 + (h1 / 960) % 560 + (k.i - 1) * 17')} + ring * 1000,
           0, 'noAnswer', NULL
      FROM temp.demo_rv x, (SELECT 1 AS i UNION ALL SELECT 2 UNION ALL SELECT 3) k
     WHERE k.i <= att - (status = 'unreachable') ORDER BY n, k.i;`);

  // The agent's call for each closed follow-up and reminder task, just before it was closed.
  const th = `${HASH_FN}(t.id, 601)`;
  const talk = `(30 + ${th} % 300)`;
  const agent = 't.assignee_id';
  sqlite.exec(`
    INSERT INTO calls (${COLUMNS})
    SELECT 'outbound', ${ctx.extensionOf(agent)}, ${phoneOf('t.customer_id')}, ${ctx.extensionOf(agent)}, ${agent}, t.customer_id, t.id, NULL,
           t.closed_at - (60 + ${talk} + 5 + ${th} / 300 % 20) * 1000, t.closed_at - (60 + ${talk}) * 1000, t.closed_at - 60000, ${talk},
           CASE WHEN t.notes = '已电话提醒,客户已预约到店' THEN 'appointment' ELSE 'done' END, NULL
      FROM tasks t WHERE t.status = 'done' AND t.closed_at IS NOT NULL AND t.assignee_id IS NOT NULL
       AND t.kind IN ('low_score', 'first_service', 'regular_service') ORDER BY t.closed_at, t.id`);

  // Inbound: a few a day plus one per 2,000 customers, half on weekends ((day + 4) % 7 is strftime's
  // %w: 1970-01-01 was a Thursday). Each call's two hashes are drawn once (hk is materialized: in the
  // flattened query every use of h re-ran the hash).
  const perDay = Math.ceil(ctx.customers / 2000) + 4;
  const calls = (day: string) => `CASE WHEN (${day} + 4) % 7 IN (0, 6) THEN ${Math.ceil(perDay / 2)} ELSE ${perDay} END`;
  const start = localMs('day', workMinute('h'));
  const answered = '(h / 600 % 100 < 88)';
  const ring = '(3 + h / 60000 % 25)';
  const talkIn = '(30 + h2 % 570)';
  const cid = `(${ctx.customerBase} + 1 + h2 / 1000 % ${ctx.customers})`;
  const who = ctx.agentOf('h / 1500000');
  sqlite.exec(`
    WITH RECURSIVE d(day, n) AS (SELECT ${T - 365}, ${calls(String(T - 365))} UNION ALL SELECT day + 1, ${calls('day + 1')} FROM d WHERE day < ${T - 1}),
         k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < ${perDay - 1}),
         hk AS MATERIALIZED (SELECT d.day AS day, k.i AS i, ${HASH_FN}(d.day * 4096 + k.i, 611) AS h, ${HASH_FN}(d.day * 4096 + k.i, 612) AS h2
                               FROM d JOIN k ON k.i < d.n)
    INSERT INTO calls (${COLUMNS})
    SELECT 'inbound', ${phoneOf('q.customer_id')}, ${ctx.extensionOf('agent')}, ${ctx.extensionOf('agent')}, agent, customer_id, NULL, NULL,
           started_at, CASE WHEN answered THEN started_at + ring * 1000 END,
           started_at + ring * 1000 + CASE WHEN answered THEN talk * 1000 ELSE 0 END,
           CASE WHEN answered THEN talk ELSE 0 END,
           CASE WHEN answered THEN ${weighted('o', [['done', 60], ['callBack', 15], ['appointment', 15], ['complaint', 3], ['noInterest', 5], ['wrongNumber', 2]])} ELSE 'missed' END,
           NULL
      FROM (SELECT ${start} AS started_at, ${answered} AS answered, ${ring} AS ring, ${talkIn} AS talk, ${cid} AS customer_id, ${who} AS agent,
                   h2 / 600000 AS o, day, i
              FROM hk) q
     ORDER BY started_at, day, i`);

  seedCallBacks(ctx);
}

/**
 * Call-backs of missed inbound calls, as an agent works through 未接来电: 16 in 20 the same working day
 * 10 min–2 h later (or, after 18:30, the next morning before 09:30: still inside 24 hours), 2 in 20
 * late (two days later, after the 24 hours), 2 in 20 never; a quarter of the call-backs unanswered.
 * None after the demo's last day. The hash is drawn once per missed call (m is materialized).
 */
function seedCallBacks(ctx: AftersalesCtx): void {
  const minuteOfDay = '((started_at + 28800000) % 86400000 / 60000)';
  const soon = `(${minuteOfDay} + 10 + h / 20 % 110)`;
  const day = `(CASE WHEN h % 20 < 4 THEN ${dayOfMs('started_at')} + 2 WHEN ${soon} < 1110 THEN ${dayOfMs('started_at')} ELSE ${dayOfMs('started_at')} + 1 END)`;
  const minute = `(CASE WHEN h % 20 < 4 THEN ${workMinute('h / 20')} WHEN ${soon} < 1110 THEN ${soon} ELSE 510 + h / 20 % 60 END)`;
  const answered = '(h / 2000 % 4 <> 0)';
  const ring = '(3 + h / 8000 % 20)';
  const talk = '(30 + h / 160000 % 240)';
  ctx.sqlite.exec(`
    WITH m AS MATERIALIZED (SELECT id, user_id AS agent, customer_id, started_at, ${HASH_FN}(id, 621) AS h
                              FROM calls WHERE direction = 'inbound' AND outcome = 'missed'),
         q AS (SELECT id, agent, customer_id, ${localMs(day, minute)} AS at, ${answered} AS answered, ${ring} AS ring, ${talk} AS talk
                 FROM m WHERE h % 20 >= 2)
    INSERT INTO calls (${COLUMNS})
    SELECT 'outbound', ${ctx.extensionOf('agent')}, ${phoneOf('q.customer_id')}, ${ctx.extensionOf('agent')}, agent, customer_id, NULL, NULL,
           at, CASE WHEN answered THEN at + ring * 1000 END, at + ring * 1000 + CASE WHEN answered THEN talk * 1000 ELSE 0 END,
           CASE WHEN answered THEN talk ELSE 0 END, CASE WHEN answered THEN 'done' ELSE 'noAnswer' END, NULL
      FROM q WHERE at < ${localMs(String(ctx.T), '0')}
     ORDER BY at, id`);
}
