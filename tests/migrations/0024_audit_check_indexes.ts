import { expect } from 'vitest';
import { indexColumns, type MigrationStep, queryPlan, seedBasics } from './step';

/**
 * 审核自查's checks at 1M customers: the repair orders of a period are read from the date index alone,
 * the first completed revisit of each is one seek, the customers who refused revisits are one small
 * list, exports come from their own index, and 销售分析's lost opportunities from status + closing time.
 */
export default {
  seed: (db) => void seedBasics(db),
  check(db) {
    expect(indexColumns(db, 'service_visits_date_idx')).toEqual(['date', 'customer_id', 'created_at']);
    expect(indexColumns(db, 'revisits_service_visit_idx')).toEqual(['service_visit_id', 'kind', 'done_at']);
    expect(indexColumns(db, 'revisits_delivery_idx')).toEqual(['delivery_id', 'kind', 'done_at']);
    expect(indexColumns(db, 'customers_dnd_revisit_idx')).toEqual(['id']);
    expect(indexColumns(db, 'audit_export_at_idx')).toEqual(['at']);
    expect(indexColumns(db, 'opps_status_closed_idx')).toEqual(['status', 'closed_at']);
    expect(queryPlan(db, "SELECT count(*) FROM service_visits c WHERE c.date BETWEEN '2026-01-01' AND '2026-06-30' AND c.customer_id NOT IN (SELECT id FROM customers WHERE dnd_revisit = 1) AND c.created_at > 0"))
      .toMatch(/COVERING INDEX service_visits_date_idx[\s\S]*customers_dnd_revisit_idx/);
    expect(queryPlan(db, "SELECT min(r.done_at) FROM revisits r WHERE r.service_visit_id = 1 AND r.kind = 'repair' AND r.done_at IS NOT NULL")).toContain('revisits_service_visit_idx');
    expect(queryPlan(db, "SELECT count(*) FROM audit_log c WHERE c.action = 'export' AND c.at >= 0 AND c.at < 10")).toContain('audit_export_at_idx');
  },
} satisfies MigrationStep;
