import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Sqlite } from '../../../../db/client';
import { seedDemo } from '../demo/seed';
import { SEARCH_TRIGGER_PREFIX } from './search-index';

let dir: string;
let sqlite: Sqlite;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dscrm-search-index-'));
  sqlite = openDatabase(path.join(dir, 'dscrm.sqlite')).sqlite;
  await seedDemo(sqlite, { customers: 2000, today: '2025-06-15' });
});
afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const match = (q: string) =>
  sqlite.prepare('SELECT rowid AS id FROM customer_search WHERE customer_search MATCH ?').pluck().all(`"${q.replace(/"/g, '""')}"`) as number[];

describe('the quick-find index after a demo seed', () => {
  it('holds every customer with their phones, plates and VINs', () => {
    expect(sqlite.prepare('SELECT COUNT(*) FROM customer_search').pluck().get()).toBe(2000);
    const phone = sqlite.prepare('SELECT customer_id, normalized FROM customer_phones ORDER BY id LIMIT 1 OFFSET 777').get() as {
      customer_id: number;
      normalized: string;
    };
    expect(match(phone.normalized.slice(-4))).toContain(phone.customer_id);
    const car = sqlite.prepare('SELECT customer_id, plate, vin FROM vehicles WHERE plate IS NOT NULL ORDER BY id LIMIT 1 OFFSET 123').get() as {
      customer_id: number;
      plate: string;
      vin: string;
    };
    expect(match(car.plate)).toContain(car.customer_id);
    expect(match(car.vin.slice(-6))).toContain(car.customer_id);
  });

  it('has its triggers back, so later changes reach the index', () => {
    const triggers = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?").pluck().all(`${SEARCH_TRIGGER_PREFIX}%`);
    expect(triggers).toHaveLength(9);
    const id = sqlite.prepare('SELECT MIN(id) FROM customers').pluck().get() as number;
    sqlite.prepare("INSERT INTO customer_phones (customer_id, raw, normalized, kind, is_primary) VALUES (?, '139 9999 0417', '8613999990417', 'mobile', 0)").run(id);
    expect(match('99990417')).toEqual([id]);
    sqlite.prepare("UPDATE customers SET name = '欧阳娜娜' WHERE id = ?").run(id);
    expect(match('欧阳娜')).toEqual([id]);
  });
});
