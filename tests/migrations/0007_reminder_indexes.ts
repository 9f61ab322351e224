import { expect } from 'vitest';
import { indexColumns, seedBasics, type MigrationStep } from './step';

/** Reminder lists' indexes: next service with last service beside it, last service with plate and mileage, a partial index of DND customers. */
export default {
  seed(db) {
    const { customerB } = seedBasics(db);
    db.prepare("UPDATE customers SET dnd_sms = 1, birthday_md = '03-08' WHERE id = ?").run(customerB);
  },
  check(db) {
    expect(indexColumns(db, 'vehicles_next_service_idx')).toEqual(['next_service_date', 'last_service_date']);
    expect(indexColumns(db, 'vehicles_last_service_idx')).toEqual(['last_service_date', 'plate', 'mileage', 'mileage_date', 'avg_km_per_day']);
    expect(db.prepare("SELECT name FROM customers INDEXED BY customers_dnd_idx WHERE (dnd_call = 1 OR dnd_sms = 1) AND birthday_md = '03-08'").pluck().all()).toEqual(['李娜']);
  },
} satisfies MigrationStep;
