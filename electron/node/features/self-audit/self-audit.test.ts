import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, userWithSession, type TestCore } from '../../../../tests/support/core';
import { callValue as call, salesFloor } from '../../../../tests/fixtures/sales-floor';
import { DAY_MS, dayStartMs } from '../../../common/dates';
import type { AuditCheckResult, AuditTrendPoint, FailingChecks, SelfAuditReport } from '../../../common/api/self-audit';
import type { GridPage } from '../../../common/api/grid';
import { isRealDescription } from '../service/low-score';
import { emptyDescriptionSql } from './rules';
import { selfAuditDailyJob } from './daily';
import type { JobContext } from '../scheduler/job';
import { CHECK_DATASET } from './presets';
import { SELF_AUDIT_DATASETS } from '../../../common/api/self-audit-roles';

const TZ = 'Asia/Shanghai';
const HOUR = 3_600_000;
const at = (day: string, hhmm: string) => dayStartMs(day, TZ) + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000;
const NOV = { range: { from: '2026-11-01', to: '2026-11-30' } };

/**
 * A hand-built dealer: for every check a few records that comply (some exactly on the boundary)
 * and the planted violations, whose ids the test expects back — nothing else.
 */
describe('审核自查 (selfAudit.checks)', () => {
  let t: TestCore;
  let f: Awaited<ReturnType<typeof salesFloor>>;
  let cm: string;
  const planted: Record<string, number[]> = {};

  // Built once (eight logins are slow on a busy machine); a test that changes a row puts it back.
  beforeAll(async () => {
    t = await makeCore();
    t.clock.set(at('2026-11-30', '12:00'));
    f = await salesFloor(t);
    cm = (await userWithSession(t.core, 'cm', 'serviceManager')).token;
    const db = t.core.sqlite;
    const now = t.clock.now();
    const plant = (no: string, id: number) => (planted[no] ??= []).push(id);
    const cust = f.customer(f.uid.s1!);
    const dndCust = f.customer(f.uid.s1!);
    db.prepare('update customers set dnd_revisit = 1 where id = ?').run(dndCust);

    // Showroom visits: complete, consistent and entered at once unless a field says otherwise.
    const visit = (v: { day?: string; time?: string | null; created?: number; phone?: string | null; model?: string | null; consultant?: number | null; first?: boolean; mode?: number }) => {
      const day = v.day ?? '2026-11-10';
      const visitAt = v.time === null ? null : at(day, v.time ?? '10:00');
      const first = v.first ?? true;
      return Number(
        db
          .prepare('insert into showroom_visits (customer_id, name, phone, consultant_id, visit_date, visit_at, first_visit, visit_mode, interested_model, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(
            cust,
            '访客',
            v.phone === undefined ? '13800000000' : v.phone,
            v.consultant === undefined ? f.uid.s1 : v.consultant,
            day,
            visitAt,
            first ? 1 : 0,
            v.mode ?? (first ? 1 : 3),
            v.model === undefined ? 'sagitar' : v.model,
            v.created ?? (visitAt ?? at(day, '12:00')) + HOUR,
          ).lastInsertRowid,
      );
    };
    visit({});
    visit({ first: false, mode: 4 });
    visit({ first: true, mode: 2 });
    plant('1', visit({ phone: null }));
    plant('1', visit({ phone: '  ' }));
    plant('1', visit({ model: null }));
    plant('1', visit({ consultant: null }));
    visit({ day: '2026-10-20', phone: null }); // before the period
    visit({ created: at('2026-11-10', '10:00') + DAY_MS }); // exactly 24 h: in time
    plant('2', visit({ created: at('2026-11-10', '10:00') + DAY_MS + 1 }));
    visit({ time: null, created: dayStartMs('2026-11-12', TZ) }); // no time of day: from the day's end, exactly 24 h
    plant('2', visit({ time: null, created: dayStartMs('2026-11-12', TZ) + 1 }));
    plant('3', visit({ first: true, mode: 3 }));
    plant('3', visit({ first: false, mode: 1 }));

    // 招揽任务单: 21 regular-service tasks in the period, one 未分配 (4.8 % < 5 %), and other kinds / months.
    const task = (status: string, created: number, kind = 'regular_service') =>
      Number(
        db
          .prepare("insert into solicitation_tasks (natural_key, kind, customer_id, window_start, window_end, status, created_at, updated_at) values (?, ?, ?, '2026-12-01', '2026-12-31', ?, ?, ?)")
          .run(`k${Math.random()}`, kind, cust, status, created, created).lastInsertRowid,
      );
    for (let i = 0; i < 20; i++) task(i % 2 ? 'in_progress' : 'succeeded', at('2026-11-05', '02:00'));
    plant('5', task('unassigned', at('2026-11-05', '02:00')));
    task('assigned', at('2026-10-31', '23:59')); // October
    task('unassigned', at('2026-11-06', '02:00'), 'campaign'); // not regular service

    // Deliveries (销售回访) and repair orders (维修回访), created at a given instant, with the first done revisit.
    const revisit = (kind: 'sales' | 'repair', eventId: number, customerId: number, doneAt: number | null) =>
      db
        .prepare(`insert into revisits (kind, customer_id, ${kind === 'sales' ? 'delivery_id' : 'service_visit_id'}, status, done_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)`)
        .run(kind, customerId, eventId, doneAt === null ? 'open' : 'done', doneAt, now, now);
    const delivery = (created: number, doneAt: number | null, customerId = cust) => {
      const opp = f.deal({ customerId, consultantId: f.uid.s1!, price: 100_000, day: '2026-11-10' });
      const id = (db.prepare('select id from deliveries where opportunity_id = ?').get(opp) as { id: number }).id;
      db.prepare('update deliveries set created_at = ? where id = ?').run(created, id);
      if (doneAt !== null) revisit('sales', id, customerId, doneAt);
      return id;
    };
    const made = at('2026-11-10', '10:00');
    delivery(made, made + 3 * DAY_MS); // exactly 3 days
    plant('6a', delivery(made, made + 3 * DAY_MS + 1000));
    plant('6a', delivery(made, null));
    delivery(at('2026-11-29', '10:00'), null); // still inside its 3 days
    delivery(made, null, dndCust); // 免打扰 · 回访
    const vehicle = Number(db.prepare("insert into vehicles (customer_id, vin, model, created_at, updated_at) values (?, 'LFV2A21K0TESTREP1', 'sagitar', ?, ?)").run(cust, now, now).lastInsertRowid);
    let ro = 0;
    const repair = (created: number, doneAt: number | null) => {
      const id = Number(
        db.prepare("insert into service_visits (vehicle_id, customer_id, ro_number, date, type, created_at) values (?, ?, ?, '2026-11-10', 'repair', ?)").run(vehicle, cust, `RO${++ro}`, created).lastInsertRowid,
      );
      if (doneAt !== null) revisit('repair', id, cust, doneAt);
      return id;
    };
    repair(made, made + 2 * DAY_MS);
    plant('6b', repair(made, made + 4 * DAY_MS));

    // 低分跟进: created on day D, closed by the end of D+3, with a real description.
    let n = 0;
    const lowScore = (created: number, closed: number | null, notes: string | null, reason = '低分') =>
      Number(
        db
          .prepare("insert into tasks (kind, natural_key, customer_id, due_date, status, reason, notes, closed_at, created_at, updated_at) values ('low_score', ?, ?, '2026-11-13', ?, ?, ?, ?, ?, ?)")
          .run(`ls${++n}`, cust, closed === null ? 'open' : 'done', reason, notes, closed, created, created).lastInsertRowid,
      );
    const created = at('2026-11-10', '15:00');
    lowScore(created, dayStartMs('2026-11-14', TZ) - 1, '客户反映噪音，已预约周五复检'); // the last instant of D+3
    plant('7', lowScore(created, dayStartMs('2026-11-14', TZ), '客户反映噪音，已预约周五复检')); // D+4
    plant('7', lowScore(created, at('2026-11-11', '09:00'), ' 已跟进。'));
    plant('7', lowScore(created, at('2026-11-11', '09:00'), '未接通'));
    plant('7', lowScore(at('2026-11-20', '09:00'), null, null)); // never followed up
    lowScore(at('2026-11-28', '09:00'), null, null); // still inside its days
    plant('7', lowScore(at('2026-11-13', '09:00'), at('2026-11-18', '09:00'), '复检后仍有异响', '修复中 · 低分')); // 修复中 not followed up again within 3 days
    lowScore(at('2026-10-01', '09:00'), null, null); // before the period

    // Exports in the audit log: up to the limit is fine, one above it breaks the rule.
    const exp = (rows: number | null) =>
      db.prepare("insert into audit_log (at, user_id, action, entity, after) values (?, ?, 'export', 'grid:customers', ?)").run(at('2026-11-15', '10:00'), f.uid.mgr, rows === null ? null : JSON.stringify({ rows }));
    exp(10_000);
    exp(10_001);
    exp(null); // a recording
  }, 120_000);
  afterAll(() => t.cleanup());

  const checks = async (token: string, input: object = NOV) => (await call(t.core, token, 'selfAudit.checks', input)) as SelfAuditReport;
  const byNo = (r: SelfAuditReport) => Object.fromEntries(r.checks.map((c) => [c.no, c])) as Record<string, AuditCheckResult>;

  /** The ids the grid lists for a check's drill. */
  async function drillIds(token: string, c: AuditCheckResult): Promise<number[]> {
    const page = (await call(t.core, token, 'grid.query', { ...c.drill!, columns: ['id'], limit: 500 })) as GridPage;
    if (page.kind !== 'rows') throw new Error('rows expected');
    return page.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
  }

  it('each check finds exactly the planted violations, and the drill-down lists exactly them', async () => {
    const r = byNo(await checks(f.tok.gm!));
    for (const no of ['1', '2', '3', '5', '6a', '6b', '7']) {
      const c = r[no]!;
      expect({ no, numerator: c.numerator, status: c.status }).toEqual({ no, numerator: planted[no]!.length, status: no === '5' ? 'pass' : 'fail' });
      expect({ no, ids: await drillIds(f.tok.gm!, c) }).toEqual({ no, ids: [...planted[no]!].sort((a, b) => a - b) });
      const count = (await call(t.core, f.tok.gm!, 'grid.count', c.drill!)) as { count: number };
      expect({ no, count: count.count }).toEqual({ no, count: c.numerator });
    }
  });

  it('the CRM manager reads checks 1–3’s showroom visits through the check’s preset, and 展厅流量’s list no other way', async () => {
    const r = byNo(await checks(cm));
    for (const no of ['1', '2', '3']) expect({ no, ids: await drillIds(cm, r[no]!) }).toEqual({ no, ids: [...planted[no]!].sort((a, b) => a - b) });
    expect(((await call(t.core, cm, 'grid.count', r['1']!.drill!)) as { count: number }).count).toBe(planted['1']!.length);
    expect(((await call(t.core, cm, 'grid.columns', { dataset: 'showroomVisits' })) as { columns: unknown[] }).columns.length).toBeGreaterThan(0);
    // The same data set without the check's preset, or with a preset of its own, stays refused.
    await expect(call(t.core, cm, 'grid.query', { dataset: 'showroomVisits', scope: 'all', filter: { columns: [] }, columns: ['id'], limit: 10 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(call(t.core, cm, 'grid.count', { dataset: 'showroomVisits', scope: 'all', filter: { columns: [], preset: 'hour:1:10' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // An agent has no audit to answer: the preset opens nothing to them.
    await expect(call(t.core, f.tok.agent!, 'grid.count', r['1']!.drill!)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The renderer's list of the checks' data sets is the server's.
    expect([...new Set(Object.values(CHECK_DATASET))].sort()).toEqual([...SELF_AUDIT_DATASETS].sort());
  });

  it('figures: the share of complying records of what the rule applies to, and the audit’s thresholds', async () => {
    const r = byNo(await checks(cm));
    // 13 visits in November (one more is October's): 4 incomplete, 2 late, 2 inconsistent.
    expect([r['1']!.denominator, r['1']!.figure]).toEqual([13, 69.2]);
    expect([r['2']!.numerator, r['2']!.denominator, r['2']!.figure]).toEqual([2, 13, 84.6]);
    // 招揽率: 1 of 21 unassigned → 95.2 %, passes 95 %.
    expect([r['5']!.numerator, r['5']!.denominator, r['5']!.figure, r['5']!.threshold, r['5']!.status]).toEqual([1, 21, 95.2, 95, 'pass']);
    // Sales: the one inside its days and the DND customer's are not counted.
    expect([r['6a']!.numerator, r['6a']!.denominator]).toEqual([2, 3]);
    expect([r['6b']!.numerator, r['6b']!.denominator, r['6b']!.figure]).toEqual([1, 2, 50]);
    expect([r['7']!.numerator, r['7']!.denominator]).toEqual([5, 6]);
    expect(r['1']!.threshold).toBe(100);
    expect(r['1']!.rule.zh).toContain('录入 CRM 系统');
  });

  it('招揽率 of exactly 95 % fails (under 5 % is the rule)', async () => {
    // One complying task moved to October: 1 of 20 = 5 %.
    const db = t.core.sqlite;
    const id = (db.prepare("select max(id) as id from solicitation_tasks where kind = 'regular_service' and status = 'in_progress'").get() as { id: number }).id;
    db.prepare('update solicitation_tasks set created_at = ? where id = ?').run(at('2026-10-15', '02:00'), id);
    try {
      const c = byNo(await checks(cm))['5']!;
      expect([c.numerator, c.denominator, c.figure, c.status]).toEqual([1, 20, 95, 'fail']);
    } finally {
      db.prepare('update solicitation_tasks set created_at = ? where id = ?').run(at('2026-11-05', '02:00'), id);
    }
  });

  it('consent (4): a first visit whose customer never gave written consent, or that names no customer, fails; a consent withdrawn since was given; the list is exactly them', async () => {
    const db = t.core.sqlite;
    const person = (status: string | null, date: string | null) => {
      const id = f.customer(f.uid.s1!);
      db.prepare('update customers set consent_status = ?, consent_date = ?, consent_method = ?, consent_withdrawn_date = ? where id = ?').run(status, date, date ? 'paper' : null, status === 'withdrawn' ? '2026-11-26' : null, id);
      return id;
    };
    const [given, withdrawn, never] = [person('given', '2026-11-25'), person('withdrawn', '2026-11-01'), person(null, null)];
    // A day of its own (no other visit), so the other checks' figures stay as planted.
    const add = (customer: number | null, first: boolean) =>
      Number(
        db
          .prepare("insert into showroom_visits (customer_id, name, phone, consultant_id, visit_date, visit_at, first_visit, visit_mode, interested_model, created_at) values (?, '访客', '13800000000', ?, '2026-11-25', ?, ?, ?, 'sagitar', ?)")
          .run(customer, f.uid.s1, at('2026-11-25', '10:00'), first ? 1 : 0, first ? 1 : 3, at('2026-11-25', '11:00')).lastInsertRowid,
      );
    const ids = [add(given, true), add(withdrawn, true), add(never, true), add(null, true), add(never, false)];
    try {
      const c = byNo(await checks(cm, { range: { from: '2026-11-25', to: '2026-11-25' } }))['4']!;
      // Four first visits (the return visit is not asked); the customer who never consented and the visit without a customer fail.
      expect([c.numerator, c.denominator, c.figure, c.status]).toEqual([2, 4, 50, 'fail']);
      expect(await drillIds(cm, c)).toEqual([ids[2], ids[3]]);
      // Consent given at the counter: the visit leaves the list.
      db.prepare("update customers set consent_status = 'given', consent_date = '2026-11-30', consent_method = 'esign' where id = ?").run(never);
      expect(await drillIds(cm, byNo(await checks(cm, { range: { from: '2026-11-25', to: '2026-11-25' } }))['4']!)).toEqual([ids[3]]);
    } finally {
      db.prepare(`delete from showroom_visits where id in (${ids.join(',')})`).run();
    }
  });

  it('exports (8): one above 10,000 rows fails; the reason says what the log holds', async () => {
    const c = byNo(await checks(cm))['8']!;
    expect([c.status, c.numerator, c.denominator]).toEqual(['fail', 1, 3]);
    expect(c.reason!.en).toContain('at most 10001 rows');
    expect(c.drill).toBeNull();
    // The administrator opens the log on exactly those exports (the screen's button for check 8).
    const list = (input: object) => call(t.core, f.tok.gm!, 'admin.audit.list', { action: 'export', minRows: 10_000, ...input }) as Promise<{ after: { rows?: number } | null }[]>;
    expect((await list({ from: '2026-11-01', to: '2026-11-30' })).map((r) => r.after?.rows)).toEqual([10_001]);
    expect(await list({ from: '2026-11-16', to: '2026-11-30' })).toEqual([]);
  });

  it('an empty period shows "—": no figure, not computable, never NaN or 0 %', async () => {
    const r = await checks(cm, { range: { from: '2025-01-01', to: '2025-01-31' } });
    for (const c of r.checks) {
      expect(c.figure).toBeNull();
      expect(c.numerator).toBe(0);
      expect(c.status).toBe(c.no === '8' ? 'pass' : 'not_computable');
    }
    expect(JSON.stringify(r)).not.toContain('NaN');
  });

  it('the default period is the last six months up to today in the dealer’s zone', async () => {
    const r = await checks(cm, {});
    expect(r.range).toEqual({ from: '2026-05-30', to: '2026-11-30' });
    // October's visit without a phone is inside it.
    expect(byNo(r)['1']!.numerator).toBe(5);
  });

  it('refuses who does not answer the audit, and a bad period', async () => {
    await expect(checks(f.tok.mgr!)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(checks(f.tok.agent!)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(checks(cm, { range: { from: '2026-11-30', to: '2026-11-01' } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(checks(cm, { range: { from: '2025-01-01', to: '2026-11-30' } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const bad = { dataset: 'showroomVisits', scope: 'all', filter: { columns: [], preset: 'audit:5:2026-11-01~2026-11-30' } };
    await expect(call(t.core, f.tok.gm!, 'grid.count', bad)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('the SQL description rule agrees with the follow-up form’s', () => {
    const samples = ['已跟进', ' 已跟进。', '未接通!!', '已跟进，未接通', '无', '——', '', '客户已到店复检', '已跟进：更换了刹车片', '已处理。 已回访', 'ok'];
    for (const s of samples) {
      const empty = t.core.sqlite.prepare(`select ${emptyDescriptionSql('?')} as e`).get(s) as { e: number };
      expect({ s, real: empty.e === 0 }).toEqual({ s, real: isRealDescription(s) });
    }
  });

  it('the nightly job stores each check’s figure for the trend; the home screen lists the checks failing today', async () => {
    // Before the first night the failing checks are computed now.
    const before = (await call(t.core, cm, 'selfAudit.failing', {})) as FailingChecks;
    // Over six months October's 已分配 task makes 2 of 22; the visits' customer never gave consent (4).
    expect(before.checks.map((c) => c.no)).toEqual(['1', '2', '3', '4', '5', '6a', '6b', '7', '8']);
    // … and kept as today's figures, so the next home screen does not run every check again.
    expect((await call(t.core, cm, 'selfAudit.failing', {})) as FailingChecks).toEqual(before);
    expect(t.core.sqlite.prepare('select count(*) from self_audit_daily where day = ?').pluck().get(before.day)).toBe(9);
    const run = (day: string) => selfAuditDailyJob.run({ core: t.core, dayCore: t.core, day, plannedAt: t.clock.now(), runId: 1 } as unknown as JobContext);
    expect(await run('2026-11-29')).toEqual({ created: 9, skipped: {} });
    expect(await run('2026-11-30')).toEqual({ created: 9, skipped: {} });
    expect(await run('2026-11-30')).toEqual({ created: 9, skipped: {} }); // a re-run replaces the day
    const trend = (await call(t.core, cm, 'selfAudit.trend', { days: 7 })) as Record<string, AuditTrendPoint[]>;
    expect(trend.visitComplete!.map((p) => p.day)).toEqual(['2026-11-29', '2026-11-30']);
    expect(trend.visitComplete![1]).toEqual({ day: '2026-11-30', status: 'fail', figure: byNo(await checks(cm, {}))['1']!.figure, numerator: 5, denominator: 14 });
    expect(trend.visitConsent![1]!).toMatchObject({ status: 'fail', figure: 0 });
    // Today's stored figures answer the home screen: change a stored row, the list follows it.
    t.core.sqlite.prepare("update self_audit_daily set status = 'pass' where day = '2026-11-30' and code = 'exportRows'").run();
    const after = (await call(t.core, cm, 'selfAudit.failing', {})) as FailingChecks;
    expect([after.day, after.checks.map((c) => c.no)]).toEqual(['2026-11-30', ['1', '2', '3', '4', '5', '6a', '6b', '7']]);
    expect(after.checks[0]!.rule.zh).toContain('录入 CRM 系统');
    await expect(call(t.core, f.tok.mgr!, 'selfAudit.failing', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
