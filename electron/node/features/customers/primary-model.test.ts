import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Sqlite } from '../../../../db/client';
import { seedDemo } from '../demo/seed';
import { PRIMARY_MODEL_TRIGGER_PREFIX } from './primary-model';

let dir: string;
let sqlite: Sqlite;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dscrm-primary-model-'));
  sqlite = openDatabase(path.join(dir, 'dscrm.sqlite')).sqlite;
  await seedDemo(sqlite, { customers: 1500, today: '2025-06-15' });
});
afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const FIRST = '(SELECT v.model FROM vehicles v WHERE v.customer_id = c.id ORDER BY v.id LIMIT 1)';
const primary = (id: number) => sqlite.prepare('SELECT primary_model FROM customers WHERE id = ?').pluck().get(id);
const mismatches = () => sqlite.prepare(`SELECT count(*) FROM customers c WHERE c.primary_model IS NOT ${FIRST}`).pluck().get();
let vin = 0;
const addVehicle = (customerId: number, model: string) =>
  Number(
    sqlite
      .prepare("INSERT INTO vehicles (customer_id, vin, model, created_at, updated_at) VALUES (?, ?, ?, 0, 0)")
      .run(customerId, `TESTVIN${String(++vin).padStart(10, '0')}`, model).lastInsertRowid,
  );

describe("customers.primary_model (the first vehicle's model)", () => {
  it('is written by the demo seeder for every customer, and its triggers are back after the load', () => {
    expect(mismatches()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM customers WHERE primary_model IS NOT NULL').pluck().get()).toBeGreaterThan(500);
    expect(sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?").pluck().get(`${PRIMARY_MODEL_TRIGGER_PREFIX}%`)).toBe(3);
  });

  it('follows vehicles: a first car sets it, a second does not change it, a model change, a move and a delete update it', () => {
    const a = Number(sqlite.prepare("INSERT INTO customers (name, created_at, updated_at) VALUES ('甲', 0, 0)").run().lastInsertRowid);
    const b = Number(sqlite.prepare("INSERT INTO customers (name, created_at, updated_at) VALUES ('乙', 0, 0)").run().lastInsertRowid);
    expect(primary(a)).toBeNull();
    const v1 = addVehicle(a, 'sagitar');
    expect(primary(a)).toBe('sagitar');
    const v2 = addVehicle(a, 'magotan');
    expect(primary(a)).toBe('sagitar');
    sqlite.prepare("UPDATE vehicles SET model = 'tayron' WHERE id = ?").run(v1);
    expect(primary(a)).toBe('tayron');
    sqlite.prepare('UPDATE vehicles SET customer_id = ? WHERE id = ?').run(b, v1);
    expect([primary(a), primary(b)]).toEqual(['magotan', 'tayron']);
    sqlite.prepare('DELETE FROM vehicles WHERE id = ?').run(v2);
    expect(primary(a)).toBeNull();
    expect(mismatches()).toBe(0);
  });
});
