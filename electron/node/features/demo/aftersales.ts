/**
 * The demo's after-sales and call-centre history, as the live app would have made it: revisits of
 * the last 365 days' deliveries and repair orders (older ones have none: the dealer started
 * revisiting in the app a year ago), their outbound calls, low-score follow-ups (修复中 with their
 * next follow-up), complaints, reminder tasks → appointments → arrivals, regular-service
 * solicitation tasks, and inbound calls. Planted: the audit's checks 5, 6a, 6b and 7 problems
 * (aftersales-problems.ts).
 *
 * Written set-based, INSERT … SELECT over the seeded tables inside the seed's load, with each row's
 * randomness from a seeded hash of its id (aftersales-sql.ts): nothing is drawn from the seed's main
 * stream, so the rest of the data set is unchanged, and the same seed and today give the same rows.
 */
import type { Sqlite } from '../../../../db/client';
import { DISSATISFACTION_REASONS } from '../admin';
import type { AftersalesProblemCode } from './aftersales-problems';
import { REVISIT_HISTORY_DAYS } from './aftersales-problems';
import { seedCalls } from './aftersales-calls';
import { seedCare } from './aftersales-care';
import { seedLowScore } from './aftersales-low-score';
import { dateOf, dayOfMs, HASH_FN, localMs, pick, plant, registerHash } from './aftersales-sql';
import type { FractionSelector } from './prng';

export interface AftersalesInput {
  sqlite: Sqlite;
  seed: number;
  /** Today, day number; the data set's now is today 20:00. */
  T: number;
  /** The customers' ids are customerBase + 1 … customerBase + customers. */
  customerBase: number;
  customers: number;
  sel: Record<AftersalesProblemCode, FractionSelector>;
  found: Record<AftersalesProblemCode, number[]>;
  log: (msg: string) => void;
}

/** The service desk's staff, as seeded. */
export interface Staff {
  agents: { id: number; extension: string; name: string }[];
  managerId: number;
  advisorId: number;
}

/** What the after-sales steps share. */
export interface AftersalesCtx extends AftersalesInput {
  staff: Staff;
  /** SQL: the agent of a hash expression. */
  agentOf: (h: string) => string;
  /** SQL: the seat extension of an agent id expression. */
  extensionOf: (agent: string) => string;
}

/** The tables written, for the seed report. */
export const AFTERSALES_TABLES = ['revisits', 'tasks', 'appointments', 'solicitation_tasks', 'complaints', 'complaint_history', 'calls'] as const;

const SATISFIED_NOTES = ['客户对服务满意', '客户表示满意,没有其他意见', '客户满意,感谢回访'];
const NEUTRAL_NOTES = ['客户评价一般,希望缩短等待时间', '客户表示一般,对价格有些意见', '客户评价一般'];

/** Writes the history; returns rows written per table. */
export function seedAftersales(input: AftersalesInput): Record<string, number> {
  const { sqlite } = input;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const before = Object.fromEntries(AFTERSALES_TABLES.map((t) => [t, count(sqlite, t)]));
  registerHash(sqlite, input.seed);
  const agents = sqlite.prepare("SELECT id, extension, display_name AS name FROM users WHERE role = 'serviceAgent' ORDER BY id").all() as Staff['agents'];
  const one = (role: string) => (sqlite.prepare('SELECT id FROM users WHERE role = ? ORDER BY id LIMIT 1').pluck().get(role) as number | undefined) ?? null;
  const managerId = one('serviceManager');
  const advisorId = one('serviceAdvisor');
  if (agents.length === 0 || managerId === null || advisorId === null) throw new Error('demo after-sales history: no service agents, manager or advisor');
  const ctx: AftersalesCtx = {
    ...input,
    staff: { agents, managerId, advisorId },
    agentOf: (h) => pick(h, agents.map((a) => a.id)),
    extensionOf: (agent) => `(CASE ${agent} ${agents.map((a) => `WHEN ${a.id} THEN '${a.extension}'`).join(' ')} END)`,
  };
  // Each step's seconds go into the log line: the steps scale with the customers (measured at 20k / 100k).
  const steps: string[] = [];
  const step = <R>(name: string, fn: () => R): R => {
    const t0 = performance.now();
    const r = fn();
    steps.push(`${name} ${((performance.now() - t0) / 1000).toFixed(2)}`);
    return r;
  };
  // The seed keeps a 2 MB page cache for CREATE INDEX's sake; these inserts land in the indexes of
  // tasks and solicitation_tasks in key / time order, not in id order, and read the customers'
  // phones at random, and through 2 MB they spill pages to the file all the time (measured at 100k
  // customers: see docs/demo-data.md). A larger cache for this step only, put back afterwards. (The
  // other history tables' indexes, customer_id ones included, are built after the load: seed.ts.)
  const cacheSize = Number(sqlite.pragma('cache_size', { simple: true }));
  sqlite.pragma('cache_size = -131072');
  sqlite.exec('CREATE TEMP TABLE demo_planted (code TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (code, id)) WITHOUT ROWID');
  // The 免打扰 customers (a few %), read once: the steps leave them out with NOT IN instead of
  // scanning or looking up the 1M customers' wide rows each time (the customers' dnd indexes are
  // dropped during the load).
  sqlite.exec(`
    CREATE TEMP TABLE demo_dnd (id INTEGER PRIMARY KEY, revisit INTEGER NOT NULL, call INTEGER NOT NULL);
    INSERT INTO temp.demo_dnd SELECT id, dnd_revisit = 1, dnd_call <> 0 OR dnd_sms <> 0 FROM customers WHERE dnd_revisit = 1 OR dnd_call <> 0 OR dnd_sms <> 0;`);
  try {
    const ids = step('revisits', () => revisits(ctx));
    step('low-score', () => seedLowScore(ctx, ids.revBase));
    step('care', () => seedCare(ctx, ids.revBase));
    step('calls', () => seedCalls(ctx, ids.callBase));
  } finally {
    sqlite.exec(['demo_planted', 'demo_dnd', 'demo_sv', 'demo_ev', 'demo_rv'].map((t) => `DROP TABLE IF EXISTS temp.${t}`).join('; '));
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
  const rows = Object.fromEntries(AFTERSALES_TABLES.map((t) => [t, count(sqlite, t) - (before[t] ?? 0)]));
  const cpuS = (({ user, system }) => (user + system) / 1e6)(process.cpuUsage(cpu));
  input.log(`after-sales history in ${((performance.now() - started) / 1000).toFixed(1)} s, CPU ${cpuS.toFixed(1)} s (${steps.join(', ')} s): ${Object.entries(rows).map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`).join(', ')}`);
  return rows;
}

function count(sqlite: Sqlite, table: string): number {
  return sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

/**
 * Revisits: one per delivery / repair order of the last 365 days whose customer takes revisits
 * (免打扰 · 回访 get none), by a service agent, done on the next day or the one after (satisfied
 * 85 %, neutral 10 %, dissatisfied 5 % with reasons from the dictionary). The planted late ones
 * (more than 4 days old) are done 4–7 days after, after one or two unanswered calls (60 %), stay
 * 未接通 after one to three (25 %), or were never called (15 %: no row).
 */
function revisits(ctx: AftersalesCtx): { revBase: number; callBase: number } {
  const { sqlite, T } = ctx;
  const from = dateOf(String(T - REVISIT_HISTORY_DAYS));
  const yesterday = dateOf(String(T - 1));
  // The repair orders of the revisited year, read once from the 3M-row table for the revisits, the
  // reminders and the solicitation tasks (aftersales-care.ts), in id order as the table scan gave them.
  sqlite.exec(`
    CREATE TEMP TABLE demo_sv (id INTEGER PRIMARY KEY, vehicle_id INTEGER NOT NULL, customer_id INTEGER NOT NULL, date TEXT NOT NULL, type TEXT NOT NULL,
      created_at INTEGER NOT NULL);
    INSERT INTO demo_sv SELECT id, vehicle_id, customer_id, date, type, created_at FROM service_visits WHERE date BETWEEN ${from} AND ${yesterday};
    CREATE TEMP TABLE demo_ev (kind TEXT NOT NULL, event_id INTEGER NOT NULL, customer_id INTEGER NOT NULL, vehicle_id INTEGER,
      created_at INTEGER NOT NULL, day INTEGER NOT NULL, h1 INTEGER NOT NULL, h2 INTEGER NOT NULL, PRIMARY KEY (kind, event_id)) WITHOUT ROWID;
    INSERT INTO demo_ev
      SELECT 'sales', d.id, d.customer_id, d.vehicle_id, d.created_at, ${dayOfMs('d.created_at')}, ${HASH_FN}(d.id, 101), ${HASH_FN}(d.id, 102)
        FROM deliveries d WHERE d.delivery_date BETWEEN ${from} AND ${yesterday} AND d.customer_id NOT IN (SELECT id FROM temp.demo_dnd WHERE revisit = 1);
    INSERT INTO demo_ev
      SELECT 'repair', v.id, v.customer_id, v.vehicle_id, v.created_at, ${dayOfMs('v.created_at')}, ${HASH_FN}(v.id, 111), ${HASH_FN}(v.id, 112)
        FROM temp.demo_sv v WHERE v.customer_id NOT IN (SELECT id FROM temp.demo_dnd WHERE revisit = 1);`);
  // Late ones only among events whose 3 days are long over: a planted late revisit is done by today.
  for (const [kind, code] of [
    ['sales', 'late_sales_revisit'],
    ['repair', 'late_repair_revisit'],
  ] as const) {
    const ids = sqlite.prepare('SELECT event_id FROM demo_ev WHERE kind = ? AND day <= ? ORDER BY event_id').pluck().all(kind, T - 5) as number[];
    ctx.found[code].push(...plant(sqlite, code, ids, ctx.sel[code]));
  }

  const reasons = DISSATISFACTION_REASONS.map((r) => r.code);
  const label = (code: string) => DISSATISFACTION_REASONS.find((r) => r.code === code)!.zh;
  // variant 0: in time; 1: done late; 2: 未接通; 3: never called (no row).
  const m1 = '(510 + (h1 / 960) % 560)'; // first attempts' minute
  const attempts = 'CASE variant WHEN 0 THEN 0 WHEN 1 THEN 1 + (h2 / 400) % 2 ELSE 1 + (h2 / 400) % 3 END';
  const finalDay = `CASE variant WHEN 0 THEN min(day + 1 + ((h1 / 4) % 10 >= 6), ${T}) WHEN 1 THEN min(day + 4 + (h2 / 100) % 4, ${T}) ELSE day + (${attempts}) END`;
  const r = '((h2 / 12000) % 100)';
  const fine = '((h1 / 2400000) % 11)';
  const reason1 = pick('(h1 / 26400000)', reasons);
  const reason2 = pick(`(h1 / 26400000) + 1 + (h2 / 107100000) % 5`, reasons);
  // n is the rowid (the window gives the rows in n order): the inserts that read demo_rv in n order
  // need no sort.
  sqlite.exec(`
    CREATE TEMP TABLE demo_rv (n INTEGER PRIMARY KEY, kind, event_id, customer_id, vehicle_id, agent, variant, day, h1, h2, att, final_at, first_at, talk, ring,
      status, result, score);
    INSERT INTO temp.demo_rv
    SELECT *, CASE result WHEN 'satisfied' THEN 90 + ${fine} WHEN 'neutral' THEN 80 + ${fine} % 9 WHEN 'dissatisfied' THEN 30 + ${fine} * 3 END
      FROM (
    SELECT n, kind, event_id, customer_id, vehicle_id, agent, variant, day, h1, h2, att, final_at, first_at, talk, ring,
           CASE WHEN variant = 2 THEN 'unreachable' ELSE 'done' END AS status,
           CASE WHEN variant = 2 THEN NULL WHEN ${r} < 85 THEN 'satisfied' WHEN ${r} < 95 THEN 'neutral' ELSE 'dissatisfied' END AS result
      FROM (
        SELECT row_number() OVER (ORDER BY kind DESC, event_id) AS n, kind, event_id, customer_id, vehicle_id, variant, day, h1, h2,
               ${ctx.agentOf('h1')} AS agent, ${attempts} AS att,
               ${localMs(finalDay, '520 + (h1 / 24000) % 580')} AS final_at, ${localMs('day + 1', m1)} AS first_at,
               40 + (h2 / 1200000) % 400 AS talk, 5 + (h1 / 40) % 20 AS ring
          FROM (SELECT e.*, CASE WHEN p.id IS NULL THEN 0 WHEN e.h2 % 100 < 60 THEN 1 WHEN e.h2 % 100 < 85 THEN 2 ELSE 3 END AS variant
                  FROM demo_ev e LEFT JOIN temp.demo_planted p
                    ON p.code = CASE e.kind WHEN 'sales' THEN 'late_sales_revisit' ELSE 'late_repair_revisit' END AND p.id = e.event_id)
         WHERE variant <> 3));`);

  const revBase = sqlite.prepare('SELECT coalesce(max(id), 0) FROM revisits').pluck().get() as number;
  const callBase = sqlite.prepare('SELECT coalesce(max(id), 0) FROM calls').pluck().get() as number;
  // The revisit's call is its last one (aftersales-calls.ts writes it with this id).
  sqlite.exec(`
    INSERT INTO revisits (id, kind, customer_id, vehicle_id, delivery_id, service_visit_id, template_id, agent_id, status, result, score,
                          needs_revisit_again, dissatisfaction_reasons, notes, attempts, call_id, due_date, done_at, created_at, updated_at)
    SELECT ${revBase} + n, kind, customer_id, vehicle_id, CASE kind WHEN 'sales' THEN event_id END, CASE kind WHEN 'repair' THEN event_id END, NULL, agent,
           status, result, score, coalesce(result = 'dissatisfied', 0),
           CASE result WHEN 'dissatisfied' THEN
             CASE WHEN (h2 / 35700000) % 3 = 0 THEN '["' || ${reason1} || '","' || ${reason2} || '"]' ELSE '["' || ${reason1} || '"]' END END,
           CASE result
             WHEN 'satisfied' THEN ${pick('h1 / 7', SATISFIED_NOTES)}
             WHEN 'neutral' THEN ${pick('h1 / 7', NEUTRAL_NOTES)}
             WHEN 'dissatisfied' THEN '客户不满意:' || (CASE ${reason1} ${reasons.map((c) => `WHEN '${c}' THEN '${label(c)}'`).join(' ')} END)
             ELSE '多次致电无人接听' END,
           att, ${callBase} + n,
           ${dateOf(dayOfMs('CASE WHEN att = 0 OR (variant = 2 AND att = 1) THEN final_at ELSE first_at END'))},
           CASE status WHEN 'done' THEN final_at END,
           CASE WHEN att = 0 THEN final_at WHEN variant = 2 AND att = 1 THEN final_at + 60000 ELSE first_at + 60000 END,
           final_at + CASE status WHEN 'done' THEN 0 ELSE 60000 END
      FROM temp.demo_rv ORDER BY n`);
  return { revBase, callBase };
}
