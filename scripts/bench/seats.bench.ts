/**
 * Issue 15's figures for a dealership on one host: 30 seats (8 consultants, 6 agents, 2 managers,
 * the rest front desk) paired to the LAN listener over HTTPS with the real client seat code, each
 * with its user's real session, working for 60 s (--seconds) while the host's scheduler runs.
 *
 * seats.30.p95_ms — the worst method's p95 (every method's p50/p95/count logged);
 * seats.30.errors — refused or failed calls; seats.30.sqlite_busy — SQLITE_BUSY lines in the
 * host's log; seats.30.writes_missing — acknowledged writes not in the database after the host
 * stopped; seats.event_latency.p95_ms — 任务分配 sent by the CS manager's seat → tasks.reassigned
 * arriving at the agent's seat; wallboard.event_latency.p95_ms — an agent's 就绪 / 示忙 sent from their
 * seat → callCenter.agentState arriving at the CS manager's seat (坐席监控, issue 19).
 */
import Database from 'better-sqlite3';
import { ensureServerBundle } from '../build-server';
import { dbFile } from '../../electron/node/paths';
import { spawnHost } from './webhost.bench';
import { log, percentile, round, sampleIds, type Metric } from './stats';
import { LoopbackAdmin, dealership, setUpSeats, type Seat, type SeatPlan } from './seats-setup';
import type { Workbench } from '../../electron/common/api/workbench';
import { Recorder, SeatLoad, seeded, type Ledger, type LoadFacts } from './seats-load';

const SEATS = 30;

/** What a run found: the figures, and the refusals behind seats.N.errors (method + code → count). */
export interface SeatsRun {
  metrics: Metric[];
  errors: Record<string, number>;
  /** 任务分配 hand-outs whose tasks.reassigned reached the agent's seat (the latency samples). */
  handOuts: number;
  /** Agent state changes whose callCenter.agentState reached the CS manager's seat. */
  stateChanges: number;
}

/** What the seats will find on their screens, read before the host opens the database. */
function readFacts(dataDir: string, consultants: string[]): LoadFacts & { consultantIds: Map<string, number> } {
  const db = new Database(dbFile(dataDir), { readonly: true, fileMustExist: true });
  try {
    const max = (table: string) => (db.prepare(`SELECT max(id) AS m FROM ${table}`).get() as { m: number }).m;
    const phoneStmt = db.prepare('SELECT normalized FROM customer_phones WHERE id = ?');
    const nameStmt = db.prepare('SELECT name FROM customers WHERE id = ?');
    const phones = sampleIds(max('customer_phones'), 500, 7).map((id) => (phoneStmt.get(id) as { normalized: string } | undefined)?.normalized).filter((p): p is string => !!p && p.length >= 7);
    const names = sampleIds(max('customers'), 500, 11).map((id) => (nameStmt.get(id) as { name: string } | undefined)?.name).filter((n): n is string => !!n && n.length >= 2);
    const consultantIds = new Map<string, number>();
    const opportunitiesOf = new Map<number, number[]>();
    for (const username of consultants) {
      const u = db.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: number } | undefined;
      if (!u) continue;
      consultantIds.set(username, u.id);
      const ids = db.prepare("SELECT id FROM opportunities WHERE consultant_id = ? AND status = 'open' ORDER BY id DESC LIMIT 200").all(u.id) as { id: number }[];
      opportunitiesOf.set(u.id, ids.map((r) => r.id));
    }
    // The dealer's today comes from showroom.today and the pool from 任务分配's own list once the host runs.
    return { today: '', phones, names, maxCustomerId: max('customers'), opportunitiesOf, pool: [], consultantIds };
  } finally {
    db.close();
  }
}

/** Every write the host acknowledged, looked up by the ids its answers returned. */
function countMissing(dataDir: string, ledger: Ledger, since: number): { missing: number; checked: number } {
  const db = new Database(dbFile(dataDir), { readonly: true, fileMustExist: true });
  try {
    let missing = 0;
    let checked = 0;
    const present = (sql: string, ids: number[]) => {
      let found = 0;
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        found += (db.prepare(sql.replace('(?)', `(${chunk.map(() => '?').join(',')})`)).get(...chunk) as { n: number }).n;
      }
      checked += ids.length;
      missing += ids.length - found;
    };
    present('SELECT count(*) AS n FROM showroom_visits WHERE id IN (?)', ledger.visits);
    present("SELECT count(*) AS n FROM revisits WHERE status = 'done' AND id IN (?)", ledger.revisits);
    present("SELECT count(*) AS n FROM tasks WHERE status = 'done' AND id IN (?)", ledger.tasksDone);
    const assignee = db.prepare('SELECT assignee_id AS a FROM tasks WHERE id = ?');
    for (const { taskId, agentId } of ledger.assigned) {
      checked++;
      if ((assignee.get(taskId) as { a: number | null } | undefined)?.a !== agentId) missing++;
    }
    const history = db.prepare('SELECT to_stage AS s FROM stage_history WHERE opportunity_id = ? AND at >= ? ORDER BY id');
    const stageOf = db.prepare('SELECT stage FROM opportunities WHERE id = ?');
    for (const [oppId, stages] of ledger.stageMoves) {
      const rows = (history.all(oppId, since) as { s: string }[]).map((r) => r.s);
      checked += stages.length;
      missing += Math.max(0, stages.length - rows.length);
      if ((stageOf.get(oppId) as { stage: string }).stage !== stages.at(-1)) missing++;
    }
    return { missing, checked };
  } finally {
    db.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchSeats(dataDir: string, seconds = 60): Promise<Metric[]> {
  return (await runSeats(dataDir, seconds, dealership(SEATS))).metrics;
}

/**
 * The bench on any plan of seats (scripts/bench/seats.test.ts runs 4 on a small database); the
 * metric names carry the number of seats. The plan needs a CS manager and at least one agent.
 */
export async function runSeats(dataDir: string, seconds: number, plan: SeatPlan[], opts: { warmUpTasksPerAgent?: number } = {}): Promise<SeatsRun> {
  const launcher = await ensureServerBundle({ log });
  const n = plan.length;
  const facts = readFacts(
    dataDir,
    plan.filter((p) => p.role === 'consultant').map((p) => p.username),
  );
  log(`seats: ${[...facts.opportunitiesOf.values()].reduce((n, l) => n + l.length, 0)} consultants' open opportunities`);
  const host = await spawnHost(launcher, dataDir, ['--lan', '--lan-host', '127.0.0.1', '--lan-port', '0']);
  const runTag = Date.now() % 1_000_000;
  const rec = new Recorder();
  const ledger: Ledger = { visits: [], revisits: [], tasksDone: [], stageMoves: new Map(), assigned: [] };
  let seats: Seat[] = [];
  const latencies: number[] = [];
  const boardLatencies: number[] = [];
  let since = 0;
  try {
    const t0 = performance.now();
    seats = await setUpSeats(new LoopbackAdmin(host.url), host.lanUrl!, plan, String(runTag), rec);
    log(`seats: ${seats.length} seats paired and logged in over ${host.lanUrl} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const load = new SeatLoad(rec, facts, ledger);
    const agents = seats.filter((s) => s.plan.role === 'agent');
    const cs = seats.find((s) => s.plan.role === 'csManager')!;
    // A seat with a session (one whose user typed a wrong password has none).
    const front = seats.find((s) => s.plan.role === 'frontDesk' && s.token) ?? seats.find((s) => s.token)!;
    const today = await front.client.invoke('showroom.today', {}, { sessionToken: front.token });
    if (!today.result.ok) throw new Error(`showroom.today: ${today.result.error.code}`);
    facts.today = (today.result.value as { date: string }).date;
    // 任务分配's pool: the open unassigned tasks (the scheduler's catch-up at the host's start makes a fresh database's).
    const unassigned = await cs.client.invoke('workbench.list', { unassigned: true }, { sessionToken: cs.token });
    if (!unassigned.result.ok) throw new Error(`workbench.list: ${unassigned.result.error.code}`);
    const open = (unassigned.result.value as Workbench).rows.filter((r) => r.source === 'task');
    const due = open.filter((r) => r.dueDate <= facts.today);
    facts.pool = (due.length >= 100 ? due : open).map((r) => r.id);
    log(`seats: ${facts.pool.length} open unassigned tasks in 任务分配's pool`);
    // Untimed: each agent starts the day with a few tasks on the workbench.
    const setupRec = new Recorder();
    const setupLoad = new SeatLoad(setupRec, facts, ledger);
    // (A small database's pool has a handful of tasks: its test keeps them for timed hand-outs.)
    for (const a of agents) await setupLoad.assign(cs, a.userId, opts.warmUpTasksPerAgent ?? 8);

    // The agents' event sockets (客服工作台 open): the time 任务分配 takes to reach them.
    const pending = new Map<number, number>();
    for (const a of agents) {
      a.client.events(
        a.token,
        (m) => {
          if (m.event !== 'tasks.reassigned' || !(m.payload as { gained: number }).gained) return;
          const sent = pending.get(a.userId);
          if (sent === undefined) return;
          latencies.push(performance.now() - sent);
          pending.delete(a.userId);
        },
        () => {},
      );
    }
    // The CS manager's event socket (坐席监控 open): the time an agent's state change takes to reach it.
    const pendingState = new Map<number, { state: string; at: number }>();
    cs.client.events(
      cs.token,
      (m) => {
        if (m.event !== 'callCenter.agentState') return;
        const v = m.payload as { userId: number; state: string };
        const sent = pendingState.get(v.userId);
        if (!sent || sent.state !== v.state) return;
        boardLatencies.push(performance.now() - sent.at);
        pendingState.delete(v.userId);
      },
      () => {},
    );
    const toggleState = async (seat: Seat, first: boolean) => {
      const now = await load.agentState(seat);
      const next = first || now !== 'ready' ? 'ready' : 'busy';
      pendingState.set(seat.userId, { state: next, at: performance.now() });
      const ok = await load.setAgentState(seat, next);
      if (!ok) pendingState.delete(seat.userId);
    };
    await sleep(1000);

    since = Date.now() - 1000;
    const end = performance.now() + seconds * 1000;
    let nextAgent = 0;
    const takenBy = new Map<number, Set<number>>();
    const stateSet = new Set<number>();
    const act = async (seat: Seat, rnd: () => number) => {
      const r = rnd();
      switch (seat.plan.role) {
        case 'consultant':
          if (r < 0.3) return load.quickFind(seat, rnd);
          if (r < 0.5) return load.opportunityGrid(seat);
          if (r < 0.85) return load.stageMove(seat, rnd);
          return load.customerGrid(seat, rnd, 'mine');
        case 'frontDesk':
          if (r < 0.4) return load.registerVisit(seat, rnd, runTag);
          if (r < 0.7) return load.quickFind(seat, rnd);
          if (r < 0.85) return load.visitGrid(seat);
          return load.customerGrid(seat, rnd, 'mine');
        case 'agent': {
          const taken = takenBy.get(seat.userId) ?? new Set<number>();
          takenBy.set(seat.userId, taken);
          // The day starts with 就绪; now and then 示忙 and back (what the wall board shows).
          if (!stateSet.has(seat.userId)) return stateSet.add(seat.userId), toggleState(seat, true);
          if (r < 0.45) return load.workTask(seat, rnd, taken);
          if (r < 0.55) return toggleState(seat, false);
          if (r < 0.7) return load.quickFind(seat, rnd);
          if (r < 0.85) return load.anyCard(seat, rnd);
          return load.customerGrid(seat, rnd, 'all');
        }
        case 'salesManager':
          if (r < 0.35) return load.groupBy(seat, rnd, 'team');
          if (r < 0.6) return load.customerGrid(seat, rnd, 'team');
          if (r < 0.8) return load.quickFind(seat, rnd);
          return load.anyCard(seat, rnd);
        case 'csManager': {
          if (r < 0.7) {
            const agent = agents[nextAgent++ % agents.length]!;
            const ok = await load.assign(seat, agent.userId, 3, () => pending.set(agent.userId, performance.now()));
            if (!ok) pending.delete(agent.userId);
            return;
          }
          if (r < 0.85) return load.groupBy(seat, rnd, 'all');
          return load.anyCard(seat, rnd);
        }
      }
    };
    await Promise.all(
      seats.map(async (seat, i) => {
        const rnd = seeded(1000 + i);
        // Seats do not all start on the same millisecond.
        await sleep(rnd() * 1000);
        while (performance.now() < end) {
          await act(seat, rnd);
          await sleep(500 + rnd() * 1500);
        }
      }),
    );
    await sleep(500); // the last events in flight
  } finally {
    for (const s of seats) s.client.dispose();
    await host.stop();
  }

  const busy = (host.stderr().match(/SQLITE_BUSY/g) ?? []).length;
  const { missing, checked } = countMissing(dataDir, ledger, since);
  const table = [...rec.times.entries()].map(([method, t]) => ({ method, n: t.length, p50: percentile(t, 50), p95: percentile(t, 95) })).sort((a, b) => b.p95 - a.p95);
  log(`seats: per method over ${seconds} s (ms):`);
  for (const r of table) log(`  ${r.method.padEnd(28)} n=${String(r.n).padStart(5)}  p50 ${r.p50.toFixed(1).padStart(6)}  p95 ${r.p95.toFixed(1).padStart(6)}`);
  log('seats: grid.query by what it read (ms):');
  for (const [kind, t] of [...rec.gridTimes.entries()].sort((a, b) => percentile(b[1], 95) - percentile(a[1], 95))) {
    log(`  ${kind.padEnd(34)} n=${String(t.length).padStart(5)}  p50 ${percentile(t, 50).toFixed(1).padStart(6)}  p95 ${percentile(t, 95).toFixed(1).padStart(6)}`);
  }
  const errors = [...rec.errors.values()].reduce((a, b) => a + b, 0);
  if (errors) log(`seats: errors by method and code: ${JSON.stringify(Object.fromEntries(rec.errors))}; e.g. ${rec.errorSamples.slice(0, 5).join(' | ')}`);
  log(`seats: ${table.reduce((n, r) => n + r.n, 0)} calls, ${errors} errors, ${busy} SQLITE_BUSY in the host log, ${checked} acknowledged writes checked, ${missing} missing`);
  log(`seats: 任务分配 → tasks.reassigned at the agent's seat: ${latencies.length} samples, p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms`);
  log(`seats: agent 就绪 / 示忙 → callCenter.agentState at the CS manager's seat: ${boardLatencies.length} samples, p50 ${percentile(boardLatencies, 50).toFixed(1)} ms, p95 ${percentile(boardLatencies, 95).toFixed(1)} ms`);
  const worst = table[0];
  const metrics: Metric[] = [
    { name: `seats.${n}.p95_ms`, value: round(worst?.p95 ?? NaN, 1), unit: 'ms', baseline: null, goal: `≤ 50 ms for every method (worst: ${worst?.method ?? '-'})` },
    { name: `seats.${n}.errors`, value: errors, unit: 'count', baseline: null, goal: '0' },
    { name: `seats.${n}.sqlite_busy`, value: busy, unit: 'count', baseline: null, goal: '0' },
    { name: `seats.${n}.writes_missing`, value: missing, unit: 'count', baseline: null, goal: `0 (of ${checked} acknowledged writes)` },
    { name: 'seats.event_latency.p95_ms', value: round(percentile(latencies, 95), 1), unit: 'ms', baseline: null, goal: `≤ 200 ms (${latencies.length} hand-outs, ≥ 20 needed)` },
    { name: 'wallboard.event_latency.p95_ms', value: round(percentile(boardLatencies, 95), 1), unit: 'ms', baseline: null, goal: `≤ 200 ms (${boardLatencies.length} state changes)` },
  ];
  return { metrics, errors: Object.fromEntries(rec.errors), handOuts: latencies.length, stateChanges: boardLatencies.length };
}
