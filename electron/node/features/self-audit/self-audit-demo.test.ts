import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../../tests/support/core';
import { callValue } from '../../../../tests/fixtures/sales-floor';
import { DEMO_PASSWORD, seedDemo, type SeedReport } from '../demo/seed';
import type { GridPage } from '../../../common/api/grid';
import type { AuditCheckResult, SelfAuditReport } from '../../../common/api/self-audit';

/**
 * The demo data's deliberate problems (docs/demo-data.md, `demo.problems`) that are audit rules
 * are found exactly by the checks over the default six months: 展厅流量 without a phone by check 1
 * (complete records), late entries by check 2 (24 h), a mode disagreeing with the first-visit flag
 * by check 3, first-visit prospects who never signed consent by check 4, exports above 10,000 rows by check 8; the demo has no other incomplete, late or
 * inconsistent visit or oversized export, so nothing else is listed.
 */
const TODAY = '2026-11-23';
let t: TestCore;
let report: SeedReport;
let gm: string;
let cm: string;

beforeAll(async () => {
  t = await makeCore();
  report = await seedDemo(t.core.sqlite, { customers: 2000, today: TODAY });
  t.clock.set(Date.UTC(2026, 10, 23, 4, 0, 0)); // 2026-11-23 12:00 in Shanghai
  gm = (await t.core.auth.login('gm', DEMO_PASSWORD)).token;
  cm = (await t.core.auth.login('csmanager', DEMO_PASSWORD)).token;
}, 300_000);
afterAll(() => t.cleanup());

const value = async <T>(token: string, method: string, input: unknown) => (await callValue(t.core, token, method, input)) as T;

describe('审核自查 on the demo data', () => {
  it('checks 1 and 2 find exactly the seeded visits without a phone and the late ones of the six months', async () => {
    const r = await value<SelfAuditReport>(cm, 'selfAudit.checks', {});
    expect(r.range).toEqual({ from: '2026-05-23', to: TODAY });
    const inPeriod = (code: string) => {
      const ids = report.problems.find((p) => p.code === code)!.ids;
      const days = new Map((t.core.sqlite.prepare('select id, visit_date as d from showroom_visits').all() as { id: number; d: string }[]).map((v) => [v.id, v.d]));
      return ids.filter((id) => days.get(id)! >= r.range.from && days.get(id)! <= r.range.to).sort((a, b) => a - b);
    };
    const listed = async (c: AuditCheckResult) => {
      const page = await value<GridPage>(gm, 'grid.query', { ...c.drill!, columns: ['id'], limit: 500 });
      if (page.kind !== 'rows') throw new Error('rows expected');
      return page.rows.map((x) => Number(x.id)).sort((a, b) => a - b);
    };
    const [c1, c2, c3] = r.checks;
    const c8 = r.checks.find((c) => c.no === '8')!;
    const missingPhone = inPeriod('visit_missing_phone');
    const late = inPeriod('late_showroom_visit');
    expect(missingPhone.length).toBeGreaterThan(0);
    expect(late.length).toBeGreaterThan(0);
    expect([c1!.no, c1!.numerator, c1!.status]).toEqual(['1', missingPhone.length, 'fail']);
    expect(await listed(c1!)).toEqual(missingPhone);
    expect([c2!.no, c2!.numerator, c2!.status]).toEqual(['2', late.length, 'fail']);
    expect(await listed(c2!)).toEqual(late);
    const inconsistent = inPeriod('visit_mode_inconsistent');
    expect(inconsistent.length).toBeGreaterThan(0);
    expect([c3!.no, c3!.numerator, c3!.status]).toEqual(['3', inconsistent.length, 'fail']);
    expect(await listed(c3!)).toEqual(inconsistent);
    // Check 4: the first visits of the planted prospects who never signed consent (everyone else signed at the first visit).
    const c4 = r.checks.find((c) => c.no === '4')!;
    const noConsent = inPeriod('first_visit_without_consent');
    expect(noConsent.length).toBeGreaterThan(0);
    expect([c4.numerator, c4.status]).toEqual([noConsent.length, 'fail']);
    expect(await listed(c4)).toEqual(noConsent);
    // The audit log is no grid: check 8's count is the planted exports', and its reason names the largest.
    const oversized = report.problems.find((p) => p.code === 'oversized_export')!.ids;
    expect(oversized.length).toBeGreaterThan(0);
    const exportsRows = t.core.sqlite.prepare("select id, cast(json_extract(after, '$.rows') as integer) as rows from audit_log where action = 'export' order by id").all() as { id: number; rows: number }[];
    expect(exportsRows.filter((e) => e.rows > 10_000).map((e) => e.id)).toEqual(oversized);
    expect([c8.numerator, c8.denominator, c8.status]).toEqual([oversized.length, exportsRows.length, 'fail']);
    expect(c8.reason!.zh).toContain(String(Math.max(...exportsRows.map((e) => e.rows))));
  });

  // The after-sales history (demo/aftersales*.ts): the planted solicitation tasks, late revisits and
  // late low-score follow-ups of the six months are each check's offending records, and nothing else.
  it('checks 5, 6a, 6b and 7 find exactly the seeded unworked solicitations, late revisits and late low-score follow-ups of the six months', async () => {
    const r = await value<SelfAuditReport>(cm, 'selfAudit.checks', {});
    const db = t.core.sqlite;
    const [fromMs, toMs] = [Date.parse(`${r.range.from}T00:00:00+08:00`), Date.parse(`${r.range.to}T00:00:00+08:00`) + 86_400_000];
    const planted = (code: string, inPeriod: string, params: unknown[]) => {
      const ids = new Set(report.problems.find((p) => p.code === code)!.ids);
      expect(ids.size, code).toBeGreaterThan(0);
      return (db.prepare(inPeriod).pluck().all(...params) as number[]).filter((id) => ids.has(id)).sort((a, b) => a - b);
    };
    const listed = async (c: AuditCheckResult) => {
      const page = await value<GridPage>(gm, 'grid.query', { ...c.drill!, columns: ['id'], limit: 500 });
      if (page.kind !== 'rows') throw new Error('rows expected');
      return page.rows.map((x) => Number(x.id)).sort((a, b) => a - b);
    };
    const check = (no: string) => r.checks.find((c) => c.no === no)!;
    const expected: [string, number[]][] = [
      ['5', planted('unsolicited_regular_service', "select id from solicitation_tasks where kind = 'regular_service' and created_at >= ? and created_at < ?", [fromMs, toMs])],
      ['6a', planted('late_sales_revisit', 'select id from deliveries where delivery_date between ? and ?', [r.range.from, r.range.to])],
      ['6b', planted('late_repair_revisit', 'select id from service_visits where date between ? and ?', [r.range.from, r.range.to])],
      ['7', planted('late_low_score_followup', "select id from tasks where kind = 'low_score' and created_at >= ? and created_at < ?", [fromMs, toMs])],
    ];
    for (const [no, ids] of expected) {
      expect(ids.length, no).toBeGreaterThan(0);
      expect([check(no).numerator, check(no).status], no).toEqual([ids.length, 'fail']);
      expect(await listed(check(no)), no).toEqual(ids);
    }
    // 招揽率 falls under 95 % because of the planted tasks alone.
    expect(check('5').figure!).toBeLessThan(95);
    expect(check('6b').denominator!).toBeGreaterThan(100);
  });
});
