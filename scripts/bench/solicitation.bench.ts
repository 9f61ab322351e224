import { createCore, type Core } from '../../electron/node/core';
import { dispatch, dispatchUpload } from '../../electron/node/dispatch';
import { addDays, dayStartMs, todayIn } from '../../electron/common/dates';
import { auditPeriodStart } from '../../electron/node/features/service/solicitation-rules';
import { log, percentile, round, sampleIds, type Metric } from './stats';

const DEMO_PASSWORD = 'demo1234';
const RUNS = 10;

/**
 * 招揽任务 at scale. The demo seeder makes no solicitation tasks, so this fills six months of
 * regular-service tasks the way solicitation.generate would (one per vehicle due, window ± 15 days,
 * a realistic spread of states and agents) INSIDE a transaction that is rolled back at the end: the
 * seeded database is left as it was. Then:
 * - solicitation.rates.ms: the audit figures (per agent and overall, the pulling-down list), p95;
 *   baseline: the per-agent counts statement on raw better-sqlite3;
 * - solicitation.detectSuccess.all.ms: success detection over every open task (the nightly job);
 * - solicitation.detectSuccess.customer.ms: the same for one customer (what a new visit does), p95;
 * - serviceVisits.add.ms: recording a repair order through the API (visit, vehicle, next service,
 *   招揽成功, audit), p95.
 */
export async function benchSolicitation(dataDir: string): Promise<Metric[]> {
  // Every figure here is taken inside one transaction rolled back at the end, which the read pool's
  // workers (committed data only) would not see: this bench reads on the main connection.
  const core = await createCore({ dataDir, bootstrapAdmin: false, readWorkers: 0 });
  const { token } = await core.auth.login('advisor1', DEMO_PASSWORD);
  const db = core.sqlite;
  db.exec('BEGIN');
  try {
    const tz = core.settings.get('dealer.timeZone');
    const today = todayIn(tz, core.clock.now());
    const agents = db.prepare("SELECT id FROM users WHERE role = 'serviceAgent' AND active = 1 ORDER BY id").pluck().all() as number[];
    const t0 = performance.now();
    const made = fillTasks(core, today, agents);
    log(`solicitation: ${made.toLocaleString()} regular-service tasks filled in ${((performance.now() - t0) / 1000).toFixed(1)} s (rolled back at the end)`);
    explain(core, today);
    const out: Metric[] = [];

    const svc = core.services.solicitation;
    const from = auditPeriodStart(today);
    const countsSql = `SELECT t.assignee_id, count(*), sum(t.status = 'unassigned'), sum(t.status = 'assigned'), sum(t.status = 'in_progress'), sum(t.status = 'succeeded'), sum(t.status = 'failed')
      FROM solicitation_tasks t LEFT JOIN users u ON u.id = t.assignee_id WHERE t.kind = 'regular_service' AND t.created_at >= ? AND t.created_at < ? GROUP BY t.assignee_id`;
    const counts = db.prepare(countsSql);
    const range = [dayStartMs(from, tz), dayStartMs(addDays(today, 1), tz)];
    const api: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < RUNS + 2; i++) {
      let t = performance.now();
      const r = await svc.rates();
      const a = performance.now() - t;
      t = performance.now();
      counts.all(...range);
      const b = performance.now() - t;
      if (i >= 2) {
        api.push(a);
        raw.push(b);
      }
      if (i === 0) log(`solicitation.rates: ${r.overall.total.toLocaleString()} tasks, 招揽率 ${((r.overall.solicitationRate ?? 0) * 100).toFixed(1)}%, 成功率 ${((r.overall.successRate ?? 0) * 100).toFixed(1)}%`);
    }
    out.push({ name: 'solicitation.rates.ms', value: round(percentile(api, 95)), unit: 'ms', baseline: round(percentile(raw, 95)), goal: '≤ 500 ms' });
    log(`solicitation.rates p95 ${percentile(api, 95).toFixed(1)} ms, raw counts ${percentile(raw, 95).toFixed(1)} ms`);

    // Every open task checked against the visits (each run rolled back to the same start).
    const all: number[] = [];
    for (let i = 0; i < 3; i++) {
      db.exec('SAVEPOINT bench_all');
      const t = performance.now();
      const r = svc.detectSuccess(null);
      all.push(performance.now() - t);
      db.exec('ROLLBACK TO bench_all');
      db.exec('RELEASE bench_all');
      if (i === 0) log(`solicitation.detectSuccess (all open tasks): ${r.succeeded.toLocaleString()} became 招揽成功`);
    }
    out.push({ name: 'solicitation.detectSuccess.all.ms', value: round(Math.max(...all)), unit: 'ms', baseline: null, goal: 'nightly job' });
    log(`solicitation.detectSuccess all: worst of 3 ${Math.max(...all).toFixed(0)} ms`);

    const customers = db.prepare('SELECT customer_id FROM solicitation_tasks WHERE id = ?').pluck();
    const maxTask = db.prepare('SELECT max(id) FROM solicitation_tasks').pluck().get() as number;
    const one: number[] = [];
    for (const id of sampleIds(maxTask, 200)) {
      const c = customers.get(id) as number | undefined;
      if (c === undefined) continue;
      db.exec('SAVEPOINT bench_one');
      const t = performance.now();
      svc.detectSuccess(null, { customerId: c });
      one.push(performance.now() - t);
      db.exec('ROLLBACK TO bench_one');
      db.exec('RELEASE bench_one');
    }
    out.push({ name: 'solicitation.detectSuccess.customer.ms', value: round(percentile(one, 95)), unit: 'ms', baseline: null, goal: '≤ 5 ms' });
    log(`solicitation.detectSuccess one customer: p95 ${percentile(one, 95).toFixed(2)} ms over ${one.length}`);

    const vehicles = db.prepare("SELECT id FROM vehicles WHERE id = ? AND (mileage_date IS NULL OR mileage_date <= ?) AND (delivery_date IS NULL OR delivery_date <= ?)").pluck();
    const maxVehicle = db.prepare('SELECT max(id) FROM vehicles').pluck().get() as number;
    const add: number[] = [];
    for (const id of sampleIds(maxVehicle, 200, 7)) {
      if (vehicles.get(id, today, today) === undefined) continue;
      db.exec('SAVEPOINT bench_add');
      const t = performance.now();
      const r = await dispatch(core, token, 'serviceVisits.add', { vehicleId: id, date: today, type: 'regular_service' });
      add.push(performance.now() - t);
      db.exec('ROLLBACK TO bench_add');
      db.exec('RELEASE bench_add');
      if (!r.result.ok) throw new Error(`serviceVisits.add ${id}: ${r.result.error.message}`);
    }
    out.push({ name: 'serviceVisits.add.ms', value: round(percentile(add, 95)), unit: 'ms', baseline: null, goal: '≤ 50 ms' });
    log(`serviceVisits.add p95 ${percentile(add, 95).toFixed(2)} ms over ${add.length}`);

    // A day's DMS export: 1,000 repair orders of sampled vehicles as a CSV through the API.
    const plates = db.prepare('SELECT plate FROM vehicles WHERE id = ? AND plate IS NOT NULL AND (mileage_date IS NULL OR mileage_date <= ?)').pluck();
    const lines = ['工单号,车牌,进厂日期,维修类型'];
    for (const id of sampleIds(maxVehicle, 1_200, 11)) {
      const p = plates.get(id, today) as string | undefined;
      if (p && lines.length <= 1_000) lines.push(`BENCH-${id},${p},${today},保养`);
    }
    db.exec('SAVEPOINT bench_import');
    const ti = performance.now();
    const up = await dispatchUpload(core, token, 'dms.csv', [Buffer.from(lines.join('\n'), 'utf8')], undefined);
    if (!up.ok) throw new Error(`upload: ${up.error.message}`);
    const imp = await dispatch(core, token, 'serviceVisits.import', { uploadId: up.value.uploadId });
    const importMs = performance.now() - ti;
    db.exec('ROLLBACK TO bench_import');
    db.exec('RELEASE bench_import');
    if (!imp.result.ok) throw new Error(`serviceVisits.import: ${imp.result.error.message}`);
    const rep = imp.result.value as { saved: number; badCount: number; bad: { row: number; reason: string }[] };
    out.push({ name: 'serviceVisits.import.1000.ms', value: round(importMs), unit: 'ms', baseline: null, goal: '≤ 30 s' });
    log(`serviceVisits.import ${lines.length - 1} rows: ${rep.saved} saved, ${rep.badCount} bad (e.g. ${JSON.stringify(rep.bad.slice(0, 2))}), ${(importMs / 1000).toFixed(1)} s`);
    return out;
  } finally {
    db.exec('ROLLBACK');
    core.close();
  }
}

/** Six months of regular-service tasks: vehicles due from five months ago to a month ahead. */
function fillTasks(core: Core, today: string, agents: number[]): number {
  const from = addDays(today, -150);
  const to = addDays(today, 30);
  const agentCase = agents.length ? `CASE v.id % ${agents.length} ${agents.map((a, i) => `WHEN ${i} THEN ${a}`).join(' ')} END` : 'NULL';
  // Created 30 days before the due date, at 00:00 in Shanghai (UTC+8), as epoch ms.
  const created = "CAST(round((julianday(v.next_service_date) - 30 - 2440587.5) * 86400000) AS INTEGER) - 8 * 3600000";
  return core.sqlite
    .prepare(
      `INSERT OR IGNORE INTO solicitation_tasks (natural_key, kind, customer_id, vehicle_id, window_start, window_end, status, assignee_id, created_at, updated_at)
       SELECT 'bench:' || v.id || ':' || v.next_service_date, 'regular_service', v.customer_id, v.id,
              date(v.next_service_date, '-15 days'), date(v.next_service_date, '+15 days'),
              CASE WHEN v.id % 20 = 0 THEN 'unassigned' WHEN v.id % 20 = 1 THEN 'assigned' WHEN v.id % 20 < 10 THEN 'in_progress' WHEN v.id % 20 < 16 THEN 'succeeded' ELSE 'failed' END,
              CASE WHEN v.id % 20 = 0 THEN NULL ELSE ${agentCase} END, ${created}, ${created}
         FROM vehicles v WHERE v.next_service_date BETWEEN ? AND ?`,
    )
    .run(from, to).changes;
}

function explain(core: Core, today: string): void {
  const plan = (label: string, q: string, ...p: unknown[]) =>
    log(`plan ${label}: ${(core.sqlite.prepare(`EXPLAIN QUERY PLAN ${q}`).all(...p) as { detail: string }[]).map((r) => r.detail).join(' | ')}`);
  plan('rates', "SELECT count(*) FROM solicitation_tasks t WHERE t.kind = 'regular_service' AND t.created_at >= ? AND t.created_at < ?", 0, 1);
  plan('detectSuccess.customer', "SELECT t.id FROM solicitation_tasks t WHERE t.status <> 'succeeded' AND t.customer_id = ?", 1);
  plan('advisor day', "SELECT a.id FROM appointments a WHERE a.advisor_id = ? AND a.date = ? AND a.status <> 'cancelled' ORDER BY a.slot", 1, today);
  plan('revisit by delivery', "SELECT MAX(r.id) FROM revisits r WHERE r.customer_id = ? AND r.kind = 'sales' AND r.delivery_id = ?", 1, 1);
  plan('survey follow-up', "SELECT t.status FROM tasks t WHERE t.customer_id = ? AND t.kind = 'low_score' AND t.ref_type = 'survey' AND t.ref_id = ?", 1, 1);
}
