import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Sqlite } from '../../../../db/client';
import { seedDemo } from '../demo/seed';
import { rebuildCustomerSearch, SEARCH_TRIGGER_PREFIX, startParallelSearchBuild } from './search-index';

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

/** Customers whose indexed column holds the fragment, as quick find asks (trigram LIKE). */
const like = (col: 'name' | 'phones' | 'plates' | 'vins', q: string) =>
  sqlite.prepare(`SELECT rowid FROM customer_search WHERE ${col} LIKE ? ORDER BY rowid`).pluck().all(`%${q}%`) as number[];
const row = (id: number) => sqlite.prepare('SELECT name, phones, plates, vins FROM customer_search WHERE rowid = ?').get(id);
const content = () => sqlite.prepare('SELECT rowid, name, phones, plates, vins FROM customer_search ORDER BY rowid').all();

describe('the quick-find index after a demo seed', () => {
  it('holds every customer with their phones (national form), plates and VIN tails', () => {
    expect(sqlite.prepare('SELECT COUNT(*) FROM customer_search').pluck().get()).toBe(2000);
    const phone = sqlite.prepare("SELECT customer_id, normalized FROM customer_phones WHERE kind = 'mobile' ORDER BY id LIMIT 1 OFFSET 777").get() as {
      customer_id: number;
      normalized: string;
    };
    expect(like('phones', phone.normalized.slice(-4))).toContain(phone.customer_id);
    expect(like('phones', phone.normalized.slice(2))).toContain(phone.customer_id);
    const landline = sqlite.prepare("SELECT customer_id, normalized FROM customer_phones WHERE kind = 'landline' ORDER BY id LIMIT 1").get() as
      | { customer_id: number; normalized: string }
      | undefined;
    if (landline) expect(like('phones', `0${landline.normalized.slice(2)}`)).toContain(landline.customer_id);
    const car = sqlite.prepare('SELECT customer_id, plate, vin FROM vehicles WHERE plate IS NOT NULL ORDER BY id LIMIT 1 OFFSET 123').get() as {
      customer_id: number;
      plate: string;
      vin: string;
    };
    expect(like('plates', car.plate)).toContain(car.customer_id);
    expect(like('vins', car.vin.slice(-6))).toContain(car.customer_id);
  });

  it('is what the triggers would have written row by row', () => {
    const built = content();
    // Re-derive every row through the UPDATE triggers: touch each phone and vehicle.
    sqlite.exec('DELETE FROM customer_search; INSERT INTO customer_search(rowid, name, phones, plates, vins) SELECT id, name, \'\', \'\', \'\' FROM customers');
    sqlite.exec('UPDATE customer_phones SET kind = kind || \'\'');
    sqlite.exec('UPDATE customer_phones SET normalized = normalized || \'\'');
    sqlite.exec('UPDATE vehicles SET vin = vin || \'\'');
    expect(content()).toEqual(built);
    rebuildCustomerSearch(sqlite);
    expect(content()).toEqual(built);
    // FTS5's own check: every row's trigrams are in the index and nothing else is
    expect(() => sqlite.exec("INSERT INTO customer_search(customer_search) VALUES ('integrity-check')")).not.toThrow();
  });

  it('builds the same index on a worker thread (the 1M seed does this beside CREATE INDEX)', async () => {
    const built = content();
    const someone = sqlite.prepare("SELECT rowid, name FROM customer_search WHERE length(name) >= 3 ORDER BY rowid LIMIT 1").get() as { rowid: number; name: string };
    sqlite.exec('DELETE FROM customer_search');
    // this connection has now read the empty index: it must notice the one copied in
    expect(like('name', someone.name)).toEqual([]);
    await startParallelSearchBuild(sqlite).finish();
    expect(content()).toEqual(built);
    expect(like('name', someone.name)).toContain(someone.rowid);
    expect(() => sqlite.exec("INSERT INTO customer_search(customer_search) VALUES ('integrity-check')")).not.toThrow();
    expect(sqlite.prepare("SELECT v FROM customer_search_config WHERE k = 'automerge'").pluck().get()).toBe(4);
    expect(fs.existsSync(`${sqlite.name}.search-build`)).toBe(false);
  });

  it('has its triggers back, so later changes reach the index', () => {
    const triggers = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?").pluck().all(`${SEARCH_TRIGGER_PREFIX}%`);
    expect(triggers).toHaveLength(9);
    // the bulk build turns FTS5's automerge off; row-by-row updates need it back
    expect(sqlite.prepare("SELECT v FROM customer_search_config WHERE k = 'automerge'").pluck().get()).toBe(4);
  });
});

describe('the seeder streaming the quick-find source to a worker during its load', () => {
  it('ends with the same index, shadow tables byte for byte, as the seed that builds it afterwards', async () => {
    const shadow = (db: Sqlite) =>
      ['data', 'idx', 'docsize', 'config'].map((t) => db.prepare(`SELECT * FROM customer_search_${t} ORDER BY 1, 2`).raw().all());
    const seeded = async (quickFindOnWorker: boolean) => {
      const db = openDatabase(path.join(dir, `streamed-${quickFindOnWorker}.sqlite`)).sqlite;
      const log: string[] = [];
      await seedDemo(db, { customers: 1500, seed: 3, today: '2025-06-15', quickFindOnWorker, log: (m) => log.push(m) });
      return { db, log };
    };
    const inline = await seeded(false);
    const streamed = await seeded(true);
    try {
      // the worker path ran (a failed worker falls back to the inline build and says so)
      expect(streamed.log.some((m) => m.startsWith('rows written') && m.includes('quick-find source sent to the worker'))).toBe(true);
      expect(streamed.log.some((m) => m.startsWith('quick-find index copied in'))).toBe(true);
      expect(streamed.log.some((m) => m.includes('building inline'))).toBe(false);
      expect(shadow(streamed.db)).toEqual(shadow(inline.db));
      expect(streamed.db.prepare('SELECT COUNT(*) FROM customer_search').pluck().get()).toBe(1500);
      expect(() => streamed.db.exec("INSERT INTO customer_search(customer_search) VALUES ('integrity-check')")).not.toThrow();
      expect(fs.existsSync(`${streamed.db.name}.search-build`)).toBe(false);
    } finally {
      inline.db.close();
      streamed.db.close();
    }
  });
});

describe('the triggers keep the index right', () => {
  let id: number;
  let phoneId: number;
  let carId: number;

  it('a new customer is found by name', () => {
    id = Number(sqlite.prepare("INSERT INTO customers (name, created_at, updated_at) VALUES ('欧阳娜娜', 0, 0)").run().lastInsertRowid);
    expect(like('name', '欧阳娜')).toEqual([id]);
    expect(row(id)).toEqual({ name: '欧阳娜娜', phones: '', plates: '', vins: '' });
  });

  it('a renamed customer is found by the new name only', () => {
    sqlite.prepare("UPDATE customers SET name = '司马相如' WHERE id = ?").run(id);
    expect(like('name', '欧阳娜')).toEqual([]);
    expect(like('name', '司马相')).toEqual([id]);
  });

  it('phones: added, changed, moved and deleted', () => {
    phoneId = Number(
      sqlite.prepare("INSERT INTO customer_phones (customer_id, raw, normalized, kind, is_primary) VALUES (?, '139 9999 0417', '8613999990417', 'mobile', 1)").run(id).lastInsertRowid,
    );
    sqlite.prepare("INSERT INTO customer_phones (customer_id, raw, normalized, kind, is_primary) VALUES (?, '0755-2345 6789', '8675523456789', 'landline', 0)").run(id);
    expect(like('phones', '99990417')).toEqual([id]);
    expect(like('phones', '0755234')).toEqual([id]);
    expect(row(id)).toMatchObject({ phones: '13999990417 075523456789' });
    sqlite.prepare("UPDATE customer_phones SET normalized = '8613999991234' WHERE id = ?").run(phoneId);
    expect(like('phones', '99990417')).toEqual([]);
    expect(like('phones', '99991234')).toEqual([id]);
    const other = sqlite.prepare('SELECT MIN(id) FROM customers').pluck().get() as number;
    sqlite.prepare('UPDATE customer_phones SET customer_id = ? WHERE id = ?').run(other, phoneId);
    expect(like('phones', '99991234')).toEqual([other]);
    sqlite.prepare('DELETE FROM customer_phones WHERE id = ?').run(phoneId);
    expect(like('phones', '99991234')).toEqual([]);
    expect(row(id)).toMatchObject({ phones: '075523456789' });
  });

  it('vehicles: added, re-plated, moved and deleted', () => {
    carId = Number(
      sqlite.prepare("INSERT INTO vehicles (customer_id, vin, plate, model, created_at, updated_at) VALUES (?, 'LFVZZZTEST9876543', '粤Z9Q8W7', 'sagitar', 0, 0)").run(id).lastInsertRowid,
    );
    expect(like('plates', 'Z9Q8')).toEqual([id]);
    expect(like('vins', '876543')).toEqual([id]);
    sqlite.prepare("UPDATE vehicles SET plate = '粤Z1111X' WHERE id = ?").run(carId);
    expect(like('plates', 'Z9Q8')).toEqual([]);
    expect(like('plates', 'Z1111')).toEqual([id]);
    sqlite.prepare("UPDATE vehicles SET plate = NULL WHERE id = ?").run(carId);
    expect(row(id)).toMatchObject({ plates: '', vins: 'ST9876543'.slice(-8) });
    const other = sqlite.prepare('SELECT MIN(id) FROM customers').pluck().get() as number;
    sqlite.prepare('UPDATE vehicles SET customer_id = ? WHERE id = ?').run(other, carId);
    expect(like('vins', '876543')).toEqual([other]);
    expect(row(id)).toMatchObject({ plates: '', vins: '' });
    sqlite.prepare('DELETE FROM vehicles WHERE id = ?').run(carId);
    expect(like('vins', '876543')).toEqual([]);
  });

  it('a deleted customer leaves the index', () => {
    sqlite.prepare('DELETE FROM customer_phones WHERE customer_id = ?').run(id);
    sqlite.prepare('DELETE FROM customers WHERE id = ?').run(id);
    expect(like('name', '司马相')).toEqual([]);
    expect(row(id)).toBeUndefined();
  });
});
