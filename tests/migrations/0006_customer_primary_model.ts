import { expect } from 'vitest';
import { indexColumns, type MigrationStep } from './step';

let a = 0;
let b = 0;

/** customers.primary_model is filled from the vehicles an older database already holds (the first vehicle's model), and kept by triggers. */
export default {
  seed(db) {
    const cust = db.prepare('INSERT INTO customers (name, created_at, updated_at) VALUES (?, 0, 0)');
    const veh = db.prepare('INSERT INTO vehicles (customer_id, vin, model, created_at, updated_at) VALUES (?, ?, ?, 0, 0)');
    a = Number(cust.run('甲').lastInsertRowid);
    b = Number(cust.run('乙').lastInsertRowid);
    veh.run(a, 'VIN00000000000001', 'magotan');
    veh.run(a, 'VIN00000000000002', 'sagitar');
  },
  check(db) {
    const model = db.prepare('SELECT primary_model FROM customers WHERE id = ?').pluck();
    expect([model.get(a), model.get(b)]).toEqual(['magotan', null]);
    db.prepare('INSERT INTO vehicles (customer_id, vin, model, created_at, updated_at) VALUES (?, ?, ?, 0, 0)').run(b, 'VIN00000000000003', 'tayron');
    expect(model.get(b)).toBe('tayron');
    expect(indexColumns(db, 'customers_primary_model_idx')).toEqual(['primary_model']);
    expect(indexColumns(db, 'customers_province_idx')).toEqual(['province']);
  },
} satisfies MigrationStep;
