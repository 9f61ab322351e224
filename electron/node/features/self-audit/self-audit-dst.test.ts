import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, userWithSession, type TestCore } from '../../../../tests/support/core';
import { callValue as call } from '../../../../tests/fixtures/sales-floor';
import type { AuditCheckResult, SelfAuditReport } from '../../../common/api/self-audit';
import type { GridPage } from '../../../common/api/grid';

/**
 * Check 7 (low-score follow-up by the end of D+3, D the creation day in the dealer's zone) for a
 * dealer whose administrator set a zone with summer time (docs/self-audit.md: the zone may be
 * changed from Asia/Shanghai). Berlin: CET (UTC+1) until 2026-03-29 02:00, CEST (UTC+2) after. Each
 * task is created within an hour of midnight, where an offset taken from the wrong half of the year
 * gives the neighbouring day; one is closed just after its deadline, one just before.
 */
const TZ = 'Europe/Berlin';
const HOUR = 3_600_000;
/** A Berlin wall-clock time as epoch ms, `offset` hours east of UTC (1 = CET, 2 = CEST). */
const berlin = (isoLocal: string, offset: 1 | 2) => Date.parse(`${isoLocal}Z`) - offset * HOUR;

describe('审核自查 check 7 in a zone with summer time', () => {
  let t: TestCore;
  let cm: string;
  const planted = { winterLate: 0, winterInTime: 0, summerLate: 0, summerInTime: 0 };

  beforeAll(async () => {
    t = await makeCore();
    t.core.settings.set('dealer.timeZone', TZ);
    t.clock.set(berlin('2026-05-10T12:00:00', 2));
    cm = (await userWithSession(t.core, 'cm', 'serviceManager')).token;
    const db = t.core.sqlite;
    const cust = Number(db.prepare("insert into customers (kind, name, created_at, updated_at) values ('person', '低分客户', 0, 0)").run().lastInsertRowid);
    let n = 0;
    const task = (created: number, closed: number) =>
      Number(
        db
          .prepare("insert into tasks (kind, natural_key, customer_id, due_date, status, reason, notes, closed_at, created_at, updated_at) values ('low_score', ?, ?, '2026-03-13', 'done', '低分', '客户反映异响，已预约复检', ?, ?, ?)")
          .run(`dst${++n}`, cust, closed, created, created).lastInsertRowid,
      );
    // Winter (CET): created 03-10 23:30 → D = 03-10, due by the end of 03-13; closed 03-14 00:30 is late.
    planted.winterLate = task(berlin('2026-03-10T23:30:00', 1), berlin('2026-03-14T00:30:00', 1));
    // Created 03-11 00:30 → D = 03-11, due by the end of 03-14; closed 03-14 23:30 is in time.
    planted.winterInTime = task(berlin('2026-03-11T00:30:00', 1), berlin('2026-03-14T23:30:00', 1));
    // Summer (CEST): the same two cases in April.
    planted.summerLate = task(berlin('2026-04-10T23:30:00', 2), berlin('2026-04-14T00:30:00', 2));
    planted.summerInTime = task(berlin('2026-04-11T00:30:00', 2), berlin('2026-04-14T23:30:00', 2));
  }, 60_000);
  afterAll(() => t.cleanup());

  const check7 = async (from: string, to: string) => {
    const r = (await call(t.core, cm, 'selfAudit.checks', { range: { from, to } })) as SelfAuditReport;
    return r.checks.find((c) => c.no === '7')!;
  };
  const listed = async (c: AuditCheckResult) => {
    const page = (await call(t.core, cm, 'grid.query', { ...c.drill!, columns: ['id'], limit: 50 })) as GridPage;
    if (page.kind !== 'rows') throw new Error('rows expected');
    return page.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
  };

  it('a period inside one half of the year: the late follow-up is found, the one closed in time is not', async () => {
    const summer = await check7('2026-04-01', '2026-04-30');
    expect([summer.numerator, summer.denominator]).toEqual([1, 2]);
    expect(await listed(summer)).toEqual([planted.summerLate]);
    const winter = await check7('2026-03-01', '2026-03-20');
    expect([winter.numerator, winter.denominator]).toEqual([1, 2]);
    expect(await listed(winter)).toEqual([planted.winterLate]);
  });

  // Across the change each task is judged by its own day: the rule takes the offset of every day
  // of the period (rules.ts dayRuns), not the period's last day's for all of them.
  it('a period across the change to summer time judges each follow-up by its own day', async () => {
    const both = await check7('2026-03-01', '2026-04-30');
    expect(await listed(both)).toEqual([planted.winterLate, planted.summerLate].sort((a, b) => a - b));
    expect([both.numerator, both.denominator]).toEqual([2, 4]);
  });

  it('check 2: a visit without a time on the last winter day has until the end of the next day in summer time, not an hour less', async () => {
    const db = t.core.sqlite;
    // The day of 2026-03-28 ends at 03-29 00:00 CET; 24 h later is 03-30 00:00 CET = 01:00 CEST.
    const visit = (created: number) =>
      Number(
        db
          .prepare("insert into showroom_visits (name, phone, consultant_id, visit_date, first_visit, visit_mode, interested_model, created_at) values ('来店客户', '13800000000', null, '2026-03-28', 1, 1, 'sagitar', ?)")
          .run(created).lastInsertRowid,
      );
    const inTime = visit(berlin('2026-03-30T00:30:00', 2));
    const late = visit(berlin('2026-03-30T01:30:00', 2));
    const r = (await call(t.core, cm, 'selfAudit.checks', { range: { from: '2026-03-01', to: '2026-04-30' } })) as SelfAuditReport;
    const c2 = r.checks.find((c) => c.no === '2')!;
    expect([c2.numerator, c2.denominator]).toEqual([1, 2]);
    expect(await listed(c2)).toEqual([late]);
    expect(inTime).toBeLessThan(late);
  });
});
