import { expect } from 'vitest';
import { columnsOf, indexColumns, seedBasics, type MigrationStep } from './step';

/** Purchase intents may name their opportunity; existing intents keep their rows with no opportunity. */
export default {
  seed(db) {
    const { customerA } = seedBasics(db);
    db.prepare("INSERT INTO purchase_intents (customer_id, model, created_at) VALUES (?, 'magotan', 0)").run(customerA);
  },
  check(db) {
    expect(columnsOf(db, 'purchase_intents')).toContain('opportunity_id');
    expect(db.prepare('SELECT model, opportunity_id AS opp FROM purchase_intents').all()).toEqual([{ model: 'magotan', opp: null }]);
    expect(indexColumns(db, 'activities_status_planned_idx')).toEqual(['status', 'planned_at']);
    expect(indexColumns(db, 'deliveries_opp_idx')).toEqual(['opportunity_id']);
    expect(indexColumns(db, 'deliveries_customer_idx')).toEqual(['customer_id']);
    expect(indexColumns(db, 'deliveries_vin_idx')).toEqual(['vin']);
    expect(indexColumns(db, 'opps_expected_idx')).toEqual(['status', 'expected_purchase_date']);
    expect(indexColumns(db, 'showroom_visits_opp_idx')).toEqual(['opportunity_id']);
  },
} satisfies MigrationStep;
