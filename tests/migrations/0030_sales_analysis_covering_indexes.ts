import { expect } from 'vitest';
import { indexColumns, type MigrationStep, queryPlan, seedBasics } from './step';

/**
 * 销售分析's consultant ranking counts activities due and done on time per consultant, and its forecast
 * open opportunities per expected month and stage, from the indexes alone; the rows a database
 * already holds are kept.
 */
export default {
  seed(db) {
    const { userId, customerA } = seedBasics(db);
    const opp = db.prepare("INSERT INTO opportunities (customer_id, consultant_id, source, stage, status, expected_purchase_date, last_stage_change_at, created_at, updated_at) VALUES (?, ?, 'walk_in', ?, 'open', ?, 0, 0, 0)");
    const o1 = Number(opp.run(customerA, userId, 'test_drive', '2026-12-20').lastInsertRowid);
    opp.run(customerA, userId, 'quote_to_close', '2027-01-05');
    const act = db.prepare("INSERT INTO activities (opportunity_id, customer_id, owner_id, type, status, planned_at, done_at, created_at, updated_at) VALUES (?, ?, ?, 'phone', ?, ?, ?, 0, 0)");
    act.run(o1, customerA, userId, 'done', 1_000, 2_000);
    act.run(o1, customerA, userId, 'planned', 3_000, null);
  },
  check(db) {
    expect(indexColumns(db, 'activities_owner_idx')).toEqual(['owner_id', 'status', 'planned_at', 'done_at']);
    expect(indexColumns(db, 'opps_expected_idx')).toEqual(['status', 'expected_purchase_date', 'stage', 'consultant_id']);
    const acts = "SELECT a.owner_id, count(*), sum(a.status = 'done' AND a.done_at < a.planned_at + 86400000) FROM activities a WHERE a.status IN ('planned', 'done') AND a.planned_at >= 0 AND a.planned_at < 5000 AND a.owner_id IS NOT NULL GROUP BY 1";
    expect(queryPlan(db, acts)).toContain('COVERING INDEX');
    expect(db.prepare(acts).raw().all()).toEqual([[expect.any(Number), 2, 1]]);
    const forecast = "SELECT substr(o.expected_purchase_date, 1, 7), o.stage, count(*) FROM opportunities o WHERE o.status = 'open' AND o.expected_purchase_date BETWEEN '2026-12-01' AND '2027-05-31' GROUP BY 1, 2";
    expect(queryPlan(db, forecast)).toContain('COVERING INDEX opps_expected_idx');
    expect(db.prepare(forecast).raw().all()).toEqual([['2026-12', 'test_drive', 1], ['2027-01', 'quote_to_close', 1]]);
  },
} satisfies MigrationStep;
