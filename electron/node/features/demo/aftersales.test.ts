import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Sqlite } from '../../../../db/client';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { calledBackSql } from '../analysis/calls-rules';
import { isRealDescription } from '../service/low-score';
import { AFTERSALES_TABLES } from './aftersales';
import { localMs, parseDay } from './dates';
import { seedDemo, type SeedReport } from './seed';

/**
 * The demo's after-sales and call-centre history (aftersales*.ts): what 售后 / 客服, 呼叫中心 and
 * 审核自查 read on the demo must look like the live app's records, and only the planted problems
 * break the audit's rules (seed.test.ts checks each problem's detection equals its listed ids).
 */
const TODAY = '2025-06-15';
const T = parseDay(TODAY);
const NOW = localMs(T, 20 * 60);
const DAY = 86_400_000;
let dir: string;
let db: Sqlite;
let report: SeedReport;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dscrm-aftersales-test-'));
  db = openDatabase(path.join(dir, 'dscrm.sqlite')).sqlite;
  report = await seedDemo(db, { customers: 2000, seed: 11, today: TODAY });
}, 120_000);
afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const all = <T>(sql: string, ...p: unknown[]) => db.prepare(sql).all(...p) as T[];
const one = <T>(sql: string, ...p: unknown[]) => db.prepare(sql).get(...p) as T;
const n = (sql: string, ...p: unknown[]) => db.prepare(sql).pluck().get(...p) as number;
const planted = (code: string) => new Set(report.problems.find((p) => p.code === code)!.ids);

describe('the demo after-sales history', () => {
  it('writes every table, as many rows as the report says, nothing after the data set’s now', () => {
    for (const t of AFTERSALES_TABLES) {
      expect(report.rows[t], t).toBeGreaterThan(0);
      expect(n(`SELECT count(*) FROM ${t}`), t).toBe(report.rows[t]);
    }
    for (const [t, col] of [['revisits', 'updated_at'], ['tasks', 'created_at'], ['tasks', 'closed_at'], ['calls', 'ended_at'], ['complaints', 'updated_at'], ['complaint_history', 'at'], ['solicitation_tasks', 'updated_at'], ['appointments', 'created_at']]) {
      expect(n(`SELECT count(*) FROM ${t} WHERE ${col} > ?`, NOW), `${t}.${col}`).toBe(0);
    }
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('revisits every delivery and repair order of the last 365 days once, except customers who refuse revisits and the planted never-called ones; none older', () => {
    const lateRepair = planted('late_repair_revisit');
    const from = new Date((T - 365) * DAY).toISOString().slice(0, 10);
    const events = all<{ id: number; dnd: number; revisits: number }>(
      `SELECT v.id, c.dnd_revisit AS dnd, (SELECT count(*) FROM revisits r WHERE r.service_visit_id = v.id) AS revisits
         FROM service_visits v JOIN customers c ON c.id = v.customer_id WHERE v.date BETWEEN ? AND ?`,
      from,
      TODAY,
    );
    expect(events.length).toBeGreaterThan(500);
    for (const e of events) {
      if (e.dnd === 1) expect(e.revisits, `visit ${e.id}`).toBe(0);
      else if (!lateRepair.has(e.id)) expect(e.revisits, `visit ${e.id}`).toBe(1);
      else expect(e.revisits).toBeLessThanOrEqual(1);
    }
    expect(n('SELECT count(*) FROM revisits r JOIN service_visits v ON v.id = r.service_visit_id WHERE v.date < ?', from)).toBe(0);
    expect(n("SELECT count(*) FROM revisits WHERE kind = 'sales'")).toBeGreaterThan(0);
  });

  it('does the others within 3 days by a service agent, with the app’s results, scores and dictionary reasons, each on its own recorded call', () => {
    const late = new Set([...planted('late_repair_revisit'), ...planted('late_sales_revisit')]);
    const rows = all<{ id: number; event: number; status: string; result: string | null; score: number | null; reasons: string | null; again: number; done: number | null; created: number; agentRole: string; callUser: number; agent: number; answered: number | null; callCustomer: number; customer: number }>(
      `SELECT r.id, coalesce(r.service_visit_id, r.delivery_id) AS event, r.status, r.result, r.score, r.dissatisfaction_reasons AS reasons, r.needs_revisit_again AS again,
              r.done_at AS done, coalesce(v.created_at, d.created_at) AS created, u.role AS agentRole, k.user_id AS callUser, r.agent_id AS agent,
              k.answered_at AS answered, k.customer_id AS callCustomer, r.customer_id AS customer
         FROM revisits r JOIN users u ON u.id = r.agent_id JOIN calls k ON k.id = r.call_id
         LEFT JOIN service_visits v ON v.id = r.service_visit_id LEFT JOIN deliveries d ON d.id = r.delivery_id`,
    );
    expect(rows.length).toBe(report.rows.revisits);
    const reasons = new Set(all<{ code: string }>("SELECT code FROM dictionaries WHERE kind = 'dissatisfaction_reason'").map((r) => r.code));
    const results = new Map<string, number>();
    for (const r of rows) {
      expect(r.agentRole).toBe('serviceAgent');
      expect([r.callUser, r.callCustomer]).toEqual([r.agent, r.customer]);
      expect(r.answered !== null, `revisit ${r.id}`).toBe(r.status === 'done');
      if (!late.has(r.event)) {
        expect(r.status).toBe('done');
        expect(r.done! - r.created).toBeGreaterThan(0);
        expect(r.done! - r.created).toBeLessThanOrEqual(3 * DAY);
      }
      if (r.status !== 'done') continue;
      results.set(r.result!, (results.get(r.result!) ?? 0) + 1);
      expect(r.again).toBe(r.result === 'dissatisfied' ? 1 : 0);
      if (r.result === 'dissatisfied') {
        expect(r.score).toBeLessThan(80);
        const codes = JSON.parse(r.reasons!) as string[];
        expect(codes.length).toBeGreaterThan(0);
        for (const c of codes) expect(reasons.has(c), c).toBe(true);
      } else {
        expect(r.score).toBeGreaterThanOrEqual(80);
        expect(r.reasons).toBeNull();
      }
    }
    const done = rows.filter((r) => r.status === 'done').length;
    expect(results.get('satisfied')! / done).toBeGreaterThan(0.75);
    expect(results.get('neutral')! / done).toBeGreaterThan(0.05);
    expect(results.get('dissatisfied')! / done).toBeGreaterThan(0.02);
    expect(rows.some((r) => r.status === 'unreachable')).toBe(true);
  });

  it('gives every dissatisfied revisit one low-score follow-up, closed in its days with a real description unless planted; 修复中 ones have their next follow-up', () => {
    const dissatisfied = all<{ id: number }>("SELECT id FROM revisits WHERE result = 'dissatisfied' ORDER BY id").map((r) => r.id);
    const tasks = all<{ id: number; refId: number; status: string; result: string | null; notes: string | null; created: number; closed: number | null; key: string; assignee: number; agent: number }>(
      `SELECT t.id, t.ref_id AS refId, t.status, t.result, t.notes, t.created_at AS created, t.closed_at AS closed, t.natural_key AS key, t.assignee_id AS assignee, r.agent_id AS agent
         FROM tasks t JOIN revisits r ON r.id = t.ref_id WHERE t.kind = 'low_score' AND t.ref_type = 'revisit' AND t.natural_key NOT LIKE '%#after:%'`,
    );
    expect(tasks.map((t) => t.refId).sort((a, b) => a - b)).toEqual(dissatisfied);
    const late = planted('late_low_score_followup');
    const deadline = (created: number) => localMs(Math.floor((created + 8 * 3_600_000) / DAY) + 4, 0);
    for (const t of tasks) {
      expect(t.assignee).toBe(t.agent);
      if (late.has(t.id)) continue;
      if (t.status === 'open') expect(deadline(t.created)).toBeGreaterThan(NOW);
      else {
        expect(t.closed!).toBeLessThan(deadline(t.created));
        expect(isRealDescription(t.notes!), t.notes!).toBe(true);
      }
    }
    const repairing = tasks.filter((t) => t.result === 'repairing');
    expect(repairing.length).toBeGreaterThan(0);
    for (const t of repairing) {
      const next = one<{ created: number; reason: string }>("SELECT created_at AS created, reason FROM tasks WHERE natural_key LIKE ?", `%#after:${t.id}`);
      expect(next.created).toBe(t.closed);
      expect(next.reason.startsWith('修复中 · ')).toBe(true);
    }
  });

  it('files complaints with dictionary categories and sources, closes most with a result and keeps their history', () => {
    const bad = n(`SELECT count(*) FROM complaints c WHERE c.category NOT IN (SELECT code FROM dictionaries WHERE kind = 'complaint_category')
                     OR c.source NOT IN (SELECT code FROM dictionaries WHERE kind = 'complaint_source')`);
    expect(bad).toBe(0);
    const s = one<{ total: number; closed: number; badClosed: number; noCreate: number; noClose: number }>(`
      SELECT count(*) AS total, sum(status = 'closed') AS closed,
             sum(status = 'closed' AND (result IS NULL OR closed_at <= created_at OR closed_by IS NULL)) AS badClosed,
             sum(NOT EXISTS (SELECT 1 FROM complaint_history h WHERE h.complaint_id = c.id AND h.action = 'create')) AS noCreate,
             sum(status = 'closed' AND NOT EXISTS (SELECT 1 FROM complaint_history h WHERE h.complaint_id = c.id AND h.action = 'close' AND h.at = c.closed_at)) AS noClose
        FROM complaints c`);
    expect(s.closed / s.total).toBeGreaterThan(0.5);
    expect([s.badClosed, s.noCreate, s.noClose]).toEqual([0, 0, 0]);
  });

  it('turns reminders into appointments (task link) and arrivals on the day the car came in', () => {
    const appts = all<{ status: string; kind: string; sameCar: number; visited: number }>(`
      SELECT a.status, t.kind, (t.customer_id = a.customer_id AND t.vehicle_id = a.vehicle_id) AS sameCar,
             EXISTS (SELECT 1 FROM service_visits v WHERE v.vehicle_id = a.vehicle_id AND v.date = a.date) AS visited
        FROM appointments a JOIN tasks t ON t.id = a.task_id`);
    expect(appts.length).toBe(report.rows.appointments);
    expect(new Set(appts.map((a) => a.kind))).toEqual(new Set(['first_service', 'regular_service']));
    for (const a of appts) {
      expect(a.sameCar).toBe(1);
      if (a.status === 'arrived') expect(a.visited).toBe(1);
    }
    expect(appts.filter((a) => a.status === 'arrived').length / appts.length).toBeGreaterThan(0.5);
  });

  it('solicits regular services: 招揽成功 linked to a visit in its window, 招揽失败 with a dictionary reason, 未分配 / 已分配 only where planted', () => {
    const rows = all<{ id: number; status: string; assignee: number | null; reason: string | null; visitDate: string | null; ws: string; we: string }>(
      `SELECT t.id, t.status, t.assignee_id AS assignee, t.fail_reason AS reason, v.date AS visitDate, t.window_start AS ws, t.window_end AS we
         FROM solicitation_tasks t LEFT JOIN service_visits v ON v.id = t.success_visit_id WHERE t.kind = 'regular_service'`,
    );
    const reasons = new Set(all<{ code: string }>("SELECT code FROM dictionaries WHERE kind = 'solicitation_fail_reason'").map((r) => r.code));
    const unsolicited = planted('unsolicited_regular_service');
    const statuses = new Set<string>();
    for (const r of rows) {
      statuses.add(r.status);
      expect(['unassigned', 'assigned'].includes(r.status), `task ${r.id}`).toBe(unsolicited.has(r.id));
      expect(r.assignee === null).toBe(r.status === 'unassigned');
      if (r.status === 'succeeded') expect(r.visitDate! >= r.ws && r.visitDate! <= r.we).toBe(true);
      if (r.status === 'failed') expect(reasons.has(r.reason!)).toBe(true);
    }
    expect([...statuses].sort()).toEqual(['assigned', 'failed', 'in_progress', 'succeeded', 'unassigned']);
  });

  it('logs calls in working hours (08:30–18:30, Asia/Shanghai): inbound from customers’ phones, mostly answered by an agent', () => {
    const hours = one<{ lo: string; hi: string }>("SELECT min(strftime('%H:%M', started_at / 1000, 'unixepoch', '+8 hours')) AS lo, max(strftime('%H:%M', started_at / 1000, 'unixepoch', '+8 hours')) AS hi FROM calls");
    expect(hours.lo >= '08:30' && hours.hi < '18:30').toBe(true);
    const inbound = one<{ total: number; answered: number; unlinked: number; wrongPhone: number; badTalk: number }>(`
      SELECT count(*) AS total, count(answered_at) AS answered, sum(customer_id IS NULL) AS unlinked,
             sum(NOT EXISTS (SELECT 1 FROM customer_phones p WHERE p.customer_id = k.customer_id AND p.normalized = '86' || k.from_number)) AS wrongPhone,
             sum((answered_at IS NULL) <> (duration_s = 0) OR ended_at < started_at) AS badTalk
        FROM calls k WHERE direction = 'inbound'`);
    expect(inbound.total).toBeGreaterThan(365);
    expect(inbound.answered / inbound.total).toBeGreaterThan(0.8);
    expect(inbound.answered / inbound.total).toBeLessThan(0.95);
    expect([inbound.unlinked, inbound.wrongPhone, inbound.badTalk]).toEqual([0, 0, 0]);
    const wrongOutbound = n(`SELECT count(*) FROM calls k WHERE direction = 'outbound'
      AND NOT EXISTS (SELECT 1 FROM customer_phones p WHERE p.customer_id = k.customer_id AND p.normalized = '86' || k.to_number)`);
    expect(wrongOutbound).toBe(0);
    expect(n("SELECT count(*) FROM calls k JOIN users u ON u.id = k.user_id WHERE u.extension <> k.extension OR u.role <> 'serviceAgent'")).toBe(0);
    expect(n("SELECT count(*) FROM calls WHERE direction = 'inbound' AND answered_at IS NULL AND outcome <> 'missed'")).toBe(0);
  });

  it('calls most missed calls back within 24 hours (呼叫中心’s rule), some late and some never, from the agent they rang', () => {
    const rule = new SQLiteSyncDialect().sqlToQuery(calledBackSql).sql;
    const missed = one<{ total: number; back: number }>(`SELECT count(*) AS total, sum(${rule}) AS back FROM calls c WHERE c.direction = 'inbound' AND c.outcome = 'missed'`);
    expect(missed.total).toBeGreaterThan(100);
    expect(missed.back / missed.total).toBeGreaterThan(0.7);
    expect(missed.back / missed.total).toBeLessThan(0.9);
    // The late ones: a call-back to the customer 24–72 h after the missed call, none sooner.
    const late = n(`SELECT count(*) FROM calls c WHERE c.direction = 'inbound' AND c.outcome = 'missed' AND NOT ${rule}
      AND EXISTS (SELECT 1 FROM calls o WHERE o.customer_id = c.customer_id AND o.direction = 'outbound' AND o.user_id = c.user_id
                  AND o.started_at > c.started_at + ${DAY} AND o.started_at < c.started_at + 3 * ${DAY})`);
    expect(late).toBeGreaterThan(0);
    const byAnother = n(`SELECT count(*) FROM calls c WHERE c.direction = 'inbound' AND c.outcome = 'missed'
      AND NOT EXISTS (SELECT 1 FROM calls o WHERE o.customer_id = c.customer_id AND o.direction = 'outbound' AND o.user_id = c.user_id AND o.started_at > c.started_at AND o.started_at <= c.started_at + ${DAY})
      AND ${rule}`);
    expect(byAnother / missed.total).toBeLessThan(0.05);
  });
});
