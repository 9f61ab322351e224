import { expect } from 'vitest';
import { count, type MigrationStep } from './step';

/**
 * The first migration creates the domain on an empty file (the whole list is asserted by the
 * one-by-one test in tests/migrations.test.ts): a customer with a phone and a vehicle can be stored,
 * with the defaults the app relies on.
 */
export default {
  check(db) {
    const c = Number(db.prepare("INSERT INTO customers (name, created_at, updated_at) VALUES ('王芳', 0, 0)").run().lastInsertRowid);
    db.prepare("INSERT INTO customer_phones (customer_id, raw, normalized, kind) VALUES (?, '13900139000', '8613900139000', 'mobile')").run(c);
    db.prepare("INSERT INTO vehicles (customer_id, vin, model, created_at, updated_at) VALUES (?, 'LFV2A21K8N3000009', 'tayron', 0, 0)").run(c);
    expect(db.prepare('SELECT gender, source, dnd_call AS dnd FROM customers WHERE id = ?').get(c)).toEqual({ gender: 'other', source: 'other', dnd: 0 });
    expect([count(db, 'customer_phones'), count(db, 'vehicles')]).toEqual([1, 1]);
  },
} satisfies MigrationStep;
