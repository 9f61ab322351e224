import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Sqlite } from '../../../../db/client';
import { ROLES } from '../../../common/roles';
import { STAGES } from '../../../common/stages';
import { verifyPassword } from '../auth/password';
import { normalizePhone, isPhoneError } from '../../../common/phone';
import { birthdayOfIdNumber, genderOfIdNumber, isValidIdNumber, isValidUscc, isValidVin } from '../../../common/customer-ids';
import { CITIES, CITY_BY_NAME, plateMatchesCity } from './cities';
import { localMs, parseDay } from './dates';
import { detectProblems, PROBLEM_DEFS, summarizeProblems } from './problems';
import { seedDemo, type SeedReport } from './seed';
import { AFTERSALES_TABLES } from './aftersales';

const TODAY = '2025-06-15';
const CUSTOMERS = 2000;
const dirs: string[] = [];

function freshDb(): Sqlite {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dscrm-seed-test-'));
  dirs.push(dir);
  return openDatabase(path.join(dir, 'dscrm.sqlite')).sqlite;
}

const HASHED_TABLES = ['customers', 'customer_phones', 'vehicles', 'service_visits', 'opportunities', 'stage_history', 'activities', 'showroom_visits', 'walk_in_batches', 'dictionaries', 'settings', ...AFTERSALES_TABLES];

function hashTables(sqlite: Sqlite): string {
  const h = crypto.createHash('sha256');
  for (const t of HASHED_TABLES) {
    for (const row of sqlite.prepare(`SELECT * FROM ${t} ORDER BY 1`).raw().iterate()) h.update(JSON.stringify(row));
  }
  // users without their salted hashes
  for (const row of sqlite.prepare('SELECT id, username, display_name, role, team_id, phone, extension FROM users ORDER BY id').raw().iterate()) {
    h.update(JSON.stringify(row));
  }
  return h.digest('hex');
}

function schemaOf(sqlite: Sqlite): unknown[] {
  return sqlite.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name").all();
}

let db: Sqlite;
let report: SeedReport;

beforeAll(async () => {
  db = freshDb();
  report = await seedDemo(db, { customers: CUSTOMERS, seed: 11, today: TODAY });
});

afterAll(() => {
  db?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('seedDemo on 2,000 customers', () => {
  it('writes the expected volumes', () => {
    const count = (t: string) => db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number;
    expect(count('customers')).toBe(CUSTOMERS);
    for (const [table, n] of Object.entries(report.rows)) expect(count(table), table).toBe(n);
    const vehicles = count('vehicles');
    expect(vehicles / CUSTOMERS).toBeGreaterThan(1.1);
    expect(vehicles / CUSTOMERS).toBeLessThan(1.3);
    expect(count('service_visits') / vehicles).toBeGreaterThan(2);
    expect(count('service_visits') / vehicles).toBeLessThan(3);
    expect(count('opportunities') / CUSTOMERS).toBeGreaterThan(0.15);
    expect(count('opportunities') / CUSTOMERS).toBeLessThan(0.25);
    const companies = db.prepare("SELECT COUNT(*) FROM customers WHERE kind = 'company'").pluck().get() as number;
    expect(companies / CUSTOMERS).toBeGreaterThan(0.03);
    expect(companies / CUSTOMERS).toBeLessThan(0.07);
    for (const t of ['showroom_visits', 'walk_in_batches', 'activities', 'purchase_intents', 'deliveries', 'test_drive_vehicles', 'stage_history']) {
      expect(count(t), t).toBeGreaterThan(0);
    }
  });

  it('gives about two thirds of the people a 职业 from the dictionary (companies none, 60 and over 退休), and saves walk-in batches in opening hours', () => {
    const occ = db
      .prepare(
        `SELECT count(*) AS people, count(occupation) AS known,
                sum(occupation IS NOT NULL AND occupation NOT IN (SELECT code FROM dictionaries WHERE kind = 'occupation')) AS outside,
                sum(birthday <= date(?, '-61 years') AND occupation IS NOT NULL AND occupation <> 'retired') AS oldWorking
           FROM customers WHERE kind = 'individual'`,
      )
      .get(TODAY) as { people: number; known: number; outside: number; oldWorking: number };
    expect(occ.known / occ.people).toBeGreaterThan(0.55);
    expect(occ.known / occ.people).toBeLessThan(0.75);
    expect([occ.outside, occ.oldWorking]).toEqual([0, 0]);
    expect(db.prepare("SELECT count(occupation) FROM customers WHERE kind = 'company'").pluck().get()).toBe(0);
    const hours = db.prepare("SELECT min(strftime('%H', created_at / 1000, 'unixepoch', '+8 hours')) AS lo, max(strftime('%H', created_at / 1000, 'unixepoch', '+8 hours')) AS hi FROM walk_in_batches").get();
    expect(hours).toEqual({ lo: '09', hi: '17' });
  });

  it('leaves the schema exactly as migrated, with the pragmas restored and no broken references', () => {
    const fresh = freshDb();
    expect(schemaOf(db)).toEqual(schemaOf(fresh));
    fresh.close();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('writes the rows without a journal, and puts WAL back afterwards', async () => {
    // better-sqlite3's defensive mode used to refuse journal_mode = OFF silently: the load ran in WAL
    const fresh = freshDb();
    const during: string[] = [];
    await seedDemo(fresh, {
      customers: 50,
      seed: 11,
      today: TODAY,
      log: (m) => {
        if (m.startsWith('customers ')) during.push(String(fresh.pragma('journal_mode', { simple: true })));
      },
    });
    expect(during).toEqual(['off']);
    expect(fresh.pragma('journal_mode', { simple: true })).toBe('wal');
    // defensive mode is back: a write to an FTS5 shadow table is refused again
    expect(() => fresh.exec("DELETE FROM customer_search_config WHERE k = 'automerge'")).toThrow();
    fresh.close();
  });

  it('leaves true statistics for the customers indexes, so the planner sizes an owner’s customers right', () => {
    const stat = db.prepare("SELECT stat FROM sqlite_stat1 WHERE idx = 'customers_owner_idx'").pluck().get() as string;
    const [rows, perOwner] = stat.split(' ').map(Number);
    const owners = db.prepare('SELECT count(DISTINCT owner_id) FROM customers').pluck().get() as number;
    expect(rows).toBe(CUSTOMERS);
    // ANALYZE's average rows per key (NULL owners count as keys too): about customers / owners.
    expect(perOwner).toBeGreaterThanOrEqual(Math.floor(CUSTOMERS / (owners + 1)));
    expect(perOwner).toBeLessThanOrEqual(Math.ceil(CUSTOMERS / owners));
  });

  it('creates a user for every role, all with the demo password and no forced change', async () => {
    const users = db.prepare('SELECT username, role, password_hash AS hash, must_change_password AS mcp, active FROM users').all() as {
      username: string;
      role: string;
      hash: string;
      mcp: number;
      active: number;
    }[];
    for (const role of ROLES) expect(users.some((u) => u.role === role), role).toBe(true);
    expect(users.map((u) => u.username).sort()).toEqual(report.users.map((u) => u.username).sort());
    for (const name of ['admin', 'manager', 'sales1', 'sales8', 'service1', 'service4', 'csmanager', 'advisor1', 'gm']) {
      expect(users.some((u) => u.username === name), name).toBe(true);
    }
    expect(users.every((u) => u.mcp === 0 && u.active === 1)).toBe(true);
    expect(new Set(users.map((u) => u.hash)).size).toBe(1); // hashed once
    expect(await verifyPassword('demo1234', users[0]!.hash)).toBe(true);
    expect(report.users.every((u) => u.password === 'demo1234')).toBe(true);
    const teams = db.prepare('SELECT kind, manager_id FROM teams').all() as { kind: string; manager_id: number }[];
    expect(teams.filter((t) => t.kind === 'sales')).toHaveLength(2);
    expect(teams.filter((t) => t.kind === 'service')).toHaveLength(1);
    expect(teams.every((t) => t.manager_id !== null)).toBe(true);
  });

  it('fills the dictionaries', () => {
    const kinds = db.prepare('SELECT kind, COUNT(*) AS n FROM dictionaries GROUP BY kind').all() as { kind: string; n: number }[];
    for (const k of ['source', 'model', 'brand', 'colour', 'abandon_reason', 'dissatisfaction_reason', 'churn_reason', 'complaint_category', 'complaint_source', 'activity_type']) {
      expect(kinds.find((x) => x.kind === k)?.n ?? 0, k).toBeGreaterThan(2);
    }
    const sources = db.prepare("SELECT code, label_zh FROM dictionaries WHERE kind = 'source' ORDER BY sort").all();
    expect(sources.slice(0, 4)).toEqual([
      { code: 'market', label_zh: '市场' },
      { code: 'phone', label_zh: '电话' },
      { code: 'outbound', label_zh: '主动出击' },
      { code: 'showroom', label_zh: '展厅' },
    ]);
  });

  it('gives every individual a valid ID number that agrees with birthday, gender and city', () => {
    const rows = db.prepare("SELECT kind, id_number, birthday, birthday_md, gender, city, province FROM customers").all() as {
      kind: string;
      id_number: string;
      birthday: string | null;
      birthday_md: string | null;
      gender: string;
      city: string;
      province: string;
    }[];
    const ids = new Set<string>();
    for (const r of rows) {
      const city = CITY_BY_NAME.get(r.city)!;
      expect(city, r.city).toBeDefined();
      expect(r.province).toBe(city.province);
      expect(city.districts.map((d) => d.code)).toContain(r.id_number.slice(r.kind === 'company' ? 2 : 0, r.kind === 'company' ? 8 : 6));
      if (r.kind === 'company') {
        expect(isValidUscc(r.id_number), r.id_number).toBe(true);
        expect(r.gender).toBe('other');
      } else {
        expect(isValidIdNumber(r.id_number, TODAY), r.id_number).toBe(true);
        expect(genderOfIdNumber(r.id_number)).toBe(r.gender);
        expect(birthdayOfIdNumber(r.id_number)).toBe(r.birthday);
        expect(r.birthday_md).toBe(r.birthday!.slice(5));
      }
      ids.add(r.id_number);
    }
    expect(ids.size).toBe(rows.length); // unique
  });

  it('gives every customer a mobile; raw phones normalise to the stored value; landlines carry the city code', () => {
    const rows = db
      .prepare('SELECT p.customer_id, p.raw, p.normalized, p.kind, p.is_primary, c.city FROM customer_phones p JOIN customers c ON c.id = p.customer_id')
      .all() as { customer_id: number; raw: string; normalized: string; kind: string; is_primary: number; city: string }[];
    const withMobile = new Set<number>();
    const formats = new Set<string>();
    for (const r of rows) {
      const n = normalizePhone(r.raw);
      expect(isPhoneError(n), r.raw).toBe(false);
      if (isPhoneError(n)) continue;
      expect(n).toEqual({ normalized: r.normalized, kind: r.kind });
      formats.add(r.raw.replace(/\d/g, '9').replace(/[０-９]/g, '９'));
      if (r.kind === 'mobile') {
        withMobile.add(r.customer_id);
        expect(r.is_primary).toBe(1);
        expect(r.normalized).toMatch(/^861(3\d|5[0-35-9]|7[0135-8]|8\d|9[1356-9])\d{8}$/);
      } else {
        expect(r.normalized.startsWith(`86${CITY_BY_NAME.get(r.city)!.areaCode.slice(1)}`)).toBe(true);
      }
    }
    expect(withMobile.size).toBe(CUSTOMERS);
    expect(formats.size).toBeGreaterThan(8); // assorted ways of typing
    const landlines = rows.filter((r) => r.kind === 'landline').length;
    expect(landlines / CUSTOMERS).toBeGreaterThan(0.08);
    expect(landlines / CUSTOMERS).toBeLessThan(0.25);
  });

  it('gives vehicles valid unique VINs, plates of the owner city (except the listed ones) and consistent service history', () => {
    const foreign = new Set(report.problems.find((p) => p.code === 'foreign_plate')!.ids);
    const rows = db
      .prepare('SELECT v.*, c.city FROM vehicles v JOIN customers c ON c.id = v.customer_id')
      .all() as Record<string, string | number | null>[];
    const vins = new Set<string>();
    for (const v of rows) {
      const vin = v.vin as string;
      expect(isValidVin(vin), vin).toBe(true);
      expect(vin.startsWith('LFV')).toBe(true);
      vins.add(vin);
      expect(plateMatchesCity(v.plate as string, v.city as string), `${v.plate} ${v.city}`).toBe(!foreign.has(v.id as number));
      expect(CITIES.some((c) => c.plates.includes((v.plate as string).slice(0, 2)))).toBe(true);
      expect(v.delivery_date! >= v.purchase_date!).toBe(true);
      expect(v.purchase_date! < TODAY).toBe(true);
      expect(v.purchase_date! >= '2017-06-01').toBe(true);
      for (const k of ['insurance_expiry', 'inspection_expiry', 'next_service_date', 'mileage_date']) expect(v[k], k).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(vins.size).toBe(rows.length);

    // Mileage grows with the date on every vehicle, and the vehicle shows its last visit.
    const visits = db.prepare('SELECT vehicle_id, date, mileage FROM service_visits ORDER BY vehicle_id, date, id').all() as {
      vehicle_id: number;
      date: string;
      mileage: number;
    }[];
    const last = new Map<number, { date: string; mileage: number; n: number }>();
    for (const s of visits) {
      const prev = last.get(s.vehicle_id);
      if (prev) {
        expect(s.mileage).toBeGreaterThan(prev.mileage);
        expect(s.date > prev.date).toBe(true);
      }
      last.set(s.vehicle_id, { date: s.date, mileage: s.mileage, n: (prev?.n ?? 0) + 1 });
    }
    for (const v of rows) {
      const l = last.get(v.id as number);
      if (!l) {
        expect(v.last_service_date).toBeNull();
        continue;
      }
      expect(l.n).toBeLessThanOrEqual(8);
      expect(v.last_service_date).toBe(l.date);
      expect(v.mileage).toBe(l.mileage);
      expect(v.mileage_date).toBe(l.date);
      expect(v.next_service_date! > l.date).toBe(true);
      expect(l.date >= (v.delivery_date as string)).toBe(true);
    }
    const ro = db.prepare('SELECT COUNT(DISTINCT ro_number) FROM service_visits').pluck().get();
    expect(ro).toBe(visits.length);
  });

  it('keeps opportunities, their stage history and showroom visits consistent', () => {
    const stages = STAGES.map((s) => s.code as string);
    const opps = db.prepare('SELECT * FROM opportunities').all() as Record<string, string | number | null>[];
    const history = db.prepare('SELECT * FROM stage_history ORDER BY opportunity_id, at, id').all() as {
      opportunity_id: number;
      from_stage: string | null;
      to_stage: string;
      at: number;
    }[];
    const byOpp = new Map<number, typeof history>();
    for (const h of history) byOpp.set(h.opportunity_id, [...(byOpp.get(h.opportunity_id) ?? []), h]);
    const statuses = new Set<string>();
    const sources = new Set<string>();
    const reached = new Set<string>();
    for (const o of opps) {
      statuses.add(o.status as string);
      sources.add(o.source as string);
      reached.add(o.stage as string);
      expect(stages).toContain(o.stage);
      expect(['market', 'phone', 'outbound', 'showroom']).toContain(o.source);
      if (o.status === 'won') expect(o.stage).toBe('delivery');
      else expect(o.stage).not.toBe('delivery');
      if (o.status === 'abandoned') expect(o.abandon_reason).not.toBeNull();
      if (o.status === 'open') expect(o.closed_at).toBeNull();
      const h = byOpp.get(o.id as number)!;
      expect(h[0]!.from_stage).toBeNull();
      expect(h[0]!.to_stage).toBe('initial_contact');
      expect(h[h.length - 1]!.to_stage).toBe(o.stage);
      expect(h[h.length - 1]!.at).toBe(o.last_stage_change_at);
      for (let i = 1; i < h.length; i++) {
        expect(h[i]!.from_stage).toBe(h[i - 1]!.to_stage);
        expect(stages.indexOf(h[i]!.to_stage)).toBeGreaterThan(stages.indexOf(h[i - 1]!.to_stage));
        expect(h[i]!.at).toBeGreaterThan(h[i - 1]!.at);
      }
    }
    expect([...statuses].sort()).toEqual(['abandoned', 'open', 'won']);
    expect([...sources].sort()).toEqual(['market', 'outbound', 'phone', 'showroom']);
    expect([...reached].sort()).toEqual([...stages].sort());

    const visits = db.prepare('SELECT id, visit_mode, first_visit, visit_date, late, created_at, visit_at, test_drive, test_drive_model FROM showroom_visits').all() as {
      id: number;
      visit_mode: number;
      first_visit: number;
      visit_date: string;
      late: number;
      created_at: number;
      visit_at: number;
      test_drive: number;
      test_drive_model: string | null;
    }[];
    const modes = new Set<number>();
    const from = new Date(parseDay(TODAY) * 86_400_000 - 90 * 86_400_000).toISOString().slice(0, 10);
    // The planted check-3 problem: exactly those visits' mode disagrees with the first-visit flag.
    const inconsistent = new Set(report.problems.find((p) => p.code === 'visit_mode_inconsistent')!.ids);
    for (const v of visits) {
      modes.add(v.visit_mode);
      expect(v.first_visit).toBe(v.visit_mode <= 2 !== inconsistent.has(v.id) ? 1 : 0);
      expect(v.visit_date >= from && v.visit_date < TODAY).toBe(true);
      expect(v.late).toBe(v.created_at - v.visit_at > 86_400_000 ? 1 : 0);
      expect(v.test_drive === 1).toBe(v.test_drive_model !== null);
    }
    expect([...modes].sort()).toEqual([1, 2, 3, 4]);
  });

  it('finds exactly the deliberate problems the report lists, and stores the summary in settings', () => {
    const found = detectProblems(db, TODAY, localMs(parseDay(TODAY), 0));
    for (const def of PROBLEM_DEFS) {
      const p = report.problems.find((x) => x.code === def.code)!;
      expect(found[def.code], def.code).toEqual(p.ids);
      expect(p.count, def.code).toBe(p.ids.length);
      expect(p.count, def.code).toBeGreaterThanOrEqual(Math.floor(p.candidates * def.fraction));
      expect(p.count, def.code).toBeLessThanOrEqual(Math.floor(p.candidates * def.fraction) + 1);
      expect(p.count, def.code).toBeGreaterThan(0);
    }
    const shared = report.problems.find((p) => p.code === 'shared_phone')!;
    for (const [a, b] of shared.pairs!) {
      const phone = (id: number) => db.prepare("SELECT normalized FROM customer_phones WHERE customer_id = ? AND kind = 'mobile'").pluck().get(id);
      expect(phone(a)).toBe(phone(b));
    }
    const stored = JSON.parse(db.prepare("SELECT value FROM settings WHERE key = 'demo.problems'").pluck().get() as string);
    expect(stored).toEqual(summarizeProblems(11, TODAY, CUSTOMERS, report.problems));
    expect(stored.problems).toHaveLength(PROBLEM_DEFS.length);
  });

  it('creates every customer before anything that belongs to them', () => {
    for (const [table, col] of [
      ['opportunities', 'created_at'],
      ['purchase_intents', 'created_at'],
      ['vehicles', 'created_at'],
      ['service_visits', 'created_at'],
      ['activities', 'created_at'],
      ['showroom_visits', 'visit_at'],
    ] as const) {
      const bad = db
        .prepare(`SELECT COUNT(*) FROM ${table} t JOIN customers c ON c.id = t.customer_id WHERE t.${col} < c.created_at`)
        .pluck()
        .get();
      expect(bad, table).toBe(0);
    }
    const future = db.prepare('SELECT COUNT(*) FROM customers WHERE updated_at < created_at OR created_at > ?').pluck().get(localMs(parseDay(TODAY), 20 * 60));
    expect(future).toBe(0);
  });

  it('refuses a database that already has customers', async () => {
    await expect(seedDemo(db, { customers: 10, seed: 11, today: TODAY })).rejects.toThrow(/already has 2000 customers/);
  });

  it('refuses bad options before touching the database', async () => {
    const fresh = freshDb();
    await expect(seedDemo(fresh, { customers: 0 })).rejects.toThrow(/1 to 1000000/);
    await expect(seedDemo(fresh, { customers: 1_000_001 })).rejects.toThrow(/1 to 1000000/);
    await expect(seedDemo(fresh, { customers: 10, today: '2025-02-30' })).rejects.toThrow(/no such date/);
    expect(fresh.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(0);
    fresh.close();
  });

  it('seeds through the WAL when another connection has the file open (a running core\'s read pool), instead of failing as locked', async () => {
    const fresh = freshDb();
    const other = new (fresh.constructor as new (file: string) => Sqlite)(fresh.name);
    other.prepare('SELECT count(*) FROM users').get();
    const said: string[] = [];
    await seedDemo(fresh, { customers: 50, seed: 3, today: TODAY, log: (m) => said.push(m) });
    expect(other.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(50);
    expect(said.some((m) => m.includes('journal_mode stays wal'))).toBe(true);
    expect(fresh.pragma('journal_mode', { simple: true })).toBe('wal');
    other.close();
    fresh.close();
  });
});

describe('determinism', () => {
  it('the same seed and day give identical data; another seed gives different data', async () => {
    const a = freshDb();
    const b = freshDb();
    const c = freshDb();
    const d = freshDb();
    await seedDemo(a, { customers: 300, seed: 5, today: TODAY });
    await seedDemo(b, { customers: 300, seed: 5, today: TODAY });
    await seedDemo(c, { customers: 300, seed: 6, today: TODAY });
    await seedDemo(d, { customers: 300, seed: 5, today: '2025-06-16' });
    const ha = hashTables(a);
    expect(hashTables(b)).toBe(ha);
    expect(hashTables(c)).not.toBe(ha);
    expect(hashTables(d)).not.toBe(ha);
    for (const s of [a, b, c, d]) s.close();
  });
});
