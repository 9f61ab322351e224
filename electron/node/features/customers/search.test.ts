import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../common/api/customers';
import { call, makeCore, userWithSession, type TestCore } from '../../../../tests/support/core';
import { parseSearchInput } from './search';

let t: TestCore;
const tok: Record<string, string> = {};
const uid: Record<string, number> = {};

/** Inserts a customer with phones and vehicles through plain SQL; the triggers index it. */
function addCustomer(owner: number, name: string, phones: [raw: string, normalized: string, kind?: string][] = [], cars: [vin: string, plate: string | null][] = []): number {
  const db = t.core.sqlite;
  const now = t.clock.now();
  const id = Number(
    db.prepare('INSERT INTO customers (name, owner_id, city, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(name, owner, '深圳', now, now).lastInsertRowid,
  );
  phones.forEach(([raw, normalized, kind], i) =>
    db.prepare('INSERT INTO customer_phones (customer_id, raw, normalized, kind, is_primary) VALUES (?, ?, ?, ?, ?)').run(id, raw, normalized, kind ?? 'mobile', i === 0 ? 1 : 0),
  );
  for (const [vin, plate] of cars) {
    db.prepare("INSERT INTO vehicles (customer_id, vin, plate, model, created_at, updated_at) VALUES (?, ?, ?, 'sagitar', ?, ?)").run(id, vin, plate, now, now);
  }
  return id;
}

async function search(who: string, q: string, limit?: number): Promise<SearchHit[]> {
  const r = await call(t.core, tok[who]!, 'customers.search', limit === undefined ? { q } : { q, limit });
  if (!r.ok) throw new Error(`customers.search ${JSON.stringify(q)}: ${r.error.code} ${r.error.message}`);
  return r.value as SearchHit[];
}
const names = (hits: SearchHit[]) => hits.map((h) => h.name);

let liLei: number;
let hanMeimei: number;
let landline: number;

beforeAll(async () => {
  t = await makeCore();
  for (const [name, role] of [
    ['a', 'salesConsultant'],
    ['b', 'salesConsultant'],
    ['admin', 'admin'],
  ] as const) {
    const u = await userWithSession(t.core, `search.${name}`, role);
    tok[name] = u.token;
    uid[name] = u.userId;
  }
  liLei = addCustomer(uid.a!, '李雷', [['138 0013 8000', '8613800138000'], ['139-2222-4567', '8613922224567']], [['LFV2A21K6D3456789', '粤B12345']]);
  hanMeimei = addCustomer(uid.b!, '韩梅梅', [['13700137000', '8613700137000']], [['LFVBA21K0E3654321', '粤BD7788']]);
  landline = addCustomer(uid.a!, '深圳市欧阳贸易有限公司', [['0755-8888 1234', '8675588881234', 'landline']], [['WVWZZZ3CZWE987650', '京A8K2Q1']]);
  addCustomer(uid.a!, '欧阳娜娜', [['15000150000', '8615000150000']]);
  addCustomer(uid.a!, '张三丰华', [['18600001111', '8618600001111']]);
  addCustomer(uid.a!, '李张三丰', [['18600002222', '8618600002222']]);
  addCustomer(uid.a!, '张三丰', [['18600003333', '8618600003333']]);
});
afterAll(() => t.cleanup());

describe('customers.search: what a user types finds the customer', () => {
  it('finds a customer by the last 4 digits of a phone, showing the phone that matched', async () => {
    const hits = await search('a', '4567');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ id: liLei, name: '李雷', matched: 'phone', phone: '139-2222-4567', plate: '粤B12345', city: '深圳', ownerName: 'search.a 测试' });
    // no phone match: the primary phone is shown
    expect((await search('a', '李雷'))[0]).toMatchObject({ matched: 'name', phone: '138 0013 8000' });
  });

  it('accepts digits however they are typed: dashes, spaces, full-width, +86', async () => {
    for (const q of ['138-0013', '138 0013 8000', '１３８００１３', '+86 138 0013 8000', '8613800138000', '0013']) {
      expect(names(await search('a', q)), q).toContain('李雷');
    }
    expect((await search('a', '+86 138 0013 8000'))[0]).toMatchObject({ id: liLei, matched: 'phone' });
  });

  it('finds a landline typed with its area code', async () => {
    for (const q of ['0755-8888', '(0755) 8888 1234', '88881234']) expect((await search('a', q))[0], q).toMatchObject({ id: landline, matched: 'phone' });
  });

  it('finds by a fragment of the name, from anywhere in it', async () => {
    expect(names(await search('a', '欧阳娜'))).toEqual(['欧阳娜娜']);
    expect(names(await search('a', '阳贸易'))).toEqual(['深圳市欧阳贸易有限公司']);
  });

  it('finds by the first one or two characters of a name', async () => {
    expect(names(await search('a', '欧阳'))).toEqual(['欧阳娜娜']);
    expect(names(await search('a', '李'))).toEqual(['李张三丰', '李雷']); // prefix matches in name order
    expect((await search('a', '深'))[0]).toMatchObject({ id: landline, matched: 'name' });
  });

  it('finds by a plate, its province prefix or a fragment, in any letter case', async () => {
    expect(await search('a', '粤B')).toEqual([expect.objectContaining({ id: liLei, matched: 'plate', plate: '粤B12345' })]);
    expect((await search('a', 'b1234'))[0]).toMatchObject({ id: liLei, matched: 'plate' });
    expect((await search('a', '8K2'))[0]).toMatchObject({ id: landline, matched: 'plate', plate: '京A8K2Q1' });
    expect((await search('admin', '粤BD'))[0]).toMatchObject({ id: hanMeimei, matched: 'plate' });
  });

  it('finds by the last 6 characters of a VIN, or its beginning', async () => {
    expect((await search('a', '456789'))[0]).toMatchObject({ id: liLei, matched: 'vin', vin: 'LFV2A21K6D3456789' });
    expect((await search('a', 'we987650'))[0]).toMatchObject({ id: landline, matched: 'vin' });
    expect((await search('a', 'WVWZZZ'))[0]).toMatchObject({ id: landline, matched: 'vin' });
  });

  it('ranks the exact name first, then names starting with it, then names containing it', async () => {
    expect(names(await search('a', '张三丰'))).toEqual(['张三丰', '张三丰华', '李张三丰']);
  });

  it('puts a phone ending in 4 typed digits (尾号) before phones starting with them', async () => {
    const early = addCustomer(uid.a!, '前缀甲', [['138 0555 0000', '8613805550000']]);
    const tail = addCustomer(uid.a!, '尾号乙', [['159 1234 1380', '8615912341380']]);
    const hits = await search('a', '1380');
    expect(hits.map((h) => h.id)).toEqual([tail, liLei, early]);
    expect(hits.every((h) => h.matched === 'phone')).toBe(true);
  });

  it('returns at most `limit` hits and nothing for blank input', async () => {
    expect(await search('a', '186', 2)).toHaveLength(2);
    expect(await search('a', '186')).toHaveLength(3);
    expect(await search('a', '   ')).toEqual([]);
    expect(await search('a', '')).toEqual([]);
  });
});

describe('customers.search: visibility', () => {
  it('never gives a consultant another consultant’s customer', async () => {
    expect(await search('a', '韩梅梅')).toEqual([]);
    expect(await search('a', '137')).toEqual([]);
    expect(await search('a', '粤BD')).toEqual([]);
    expect(names(await search('b', '李雷'))).toEqual([]);
    expect(names(await search('admin', '韩梅梅'))).toEqual(['韩梅梅']);
  });

  it('gives a manager without viewAll the customers of the team they lead, not of another', async () => {
    const lead = await userWithSession(t.core, 'search.lead', 'salesManager');
    const db = t.core.sqlite;
    db.prepare("INSERT INTO user_permissions (user_id, permission, granted) VALUES (?, 'customers.viewAll', 0)").run(lead.userId);
    const team = db.prepare("INSERT INTO teams (name, kind, manager_id) VALUES ('搜索一组', 'sales', ?)").run(lead.userId).lastInsertRowid;
    db.prepare('UPDATE users SET team_id = ? WHERE id = ?').run(team, uid.a);
    tok.lead = lead.token;
    try {
      expect(names(await search('lead', '李雷'))).toEqual(['李雷']); // sales.a, in the team
      expect(await search('lead', '韩梅梅')).toEqual([]); // sales.b, in no team of theirs
      expect(await search('lead', '粤BD')).toEqual([]);
    } finally {
      db.prepare('UPDATE users SET team_id = NULL WHERE id = ?').run(uid.a);
    }
  });

  it('finds a consultant’s own customer behind hundreds of others that match the same fragment', async () => {
    const db = t.core.sqlite;
    db.transaction(() => {
      for (let i = 0; i < 400; i++) addCustomer(uid.b!, `路人${i}`, [[`1370000${String(i).padStart(4, '0')}`, `861370000${String(i).padStart(4, '0')}`]], [[`LFVTEST0000${String(i).padStart(6, '0')}`, `粤Z${String(i).padStart(5, '0')}`]]);
    })();
    const own = addCustomer(uid.a!, '晚来的客户', [['137 0000 0123', '8613700000123']], [['LFVTEST00009000123', '粤Z00123']]);
    for (const q of ['0123', '13700000', '粤Z', '000123', '路人']) {
      const hits = await search('a', q, 50);
      expect(hits.map((h) => h.id), q).toEqual(q === '路人' ? [] : [own]);
    }
    // the same fragment as the administrator: everyone's customers
    expect((await search('admin', '0123', 50)).map((h) => h.id)).toContain(own);
    expect((await search('admin', '0123', 50)).length).toBeGreaterThan(1);
  });

  it('gives a consultant exactly their customers a plain query finds, for many fragments', async () => {
    const db = t.core.sqlite;
    // The reference: every customer of the owner with the digits in a phone (national form), a
    // plate or the last 8 characters of a VIN (what quick find indexes), by plain SQL.
    const reference = db.prepare(
      `SELECT c.id FROM customers c WHERE c.owner_id = @owner AND (
         EXISTS (SELECT 1 FROM customer_phones p WHERE p.customer_id = c.id
                  AND instr(CASE WHEN p.kind = 'landline' THEN '0' ELSE '' END || substr(p.normalized, 3), @q) > 0)
         OR EXISTS (SELECT 1 FROM vehicles v WHERE v.customer_id = c.id
                  AND (instr(coalesce(v.plate, ''), @q) > 0 OR instr(substr(v.vin, -8), @q) > 0 OR v.vin LIKE @q || '%')))
       ORDER BY c.id`,
    );
    for (const frag of ['0000', '1370', '0013', '8000', '2222', '000012', '999', '07558']) {
      for (const who of ['a', 'b'] as const) {
        const got = (await search(who, frag, 50)).map((h) => h.id).sort((x, y) => x - y);
        const want = reference.pluck().all({ owner: uid[who]!, q: frag }) as number[];
        if (want.length < 40) expect(got, `${who} ${frag}`).toEqual(want);
        else expect(got, `${who} ${frag}`).toHaveLength(50);
        for (const id of got) expect(want, `${who} ${frag}`).toContain(id);
      }
    }
  });
});

describe('customers.search: hostile or odd input', () => {
  it('answers FTS syntax, quotes, wildcards, emoji and long input with results or nothing, never an error', async () => {
    const inputs = [
      '"', '""', '"李雷"', "'; DROP TABLE customers; --", '*', '李*', '138*', 'NEAR(李雷 韩梅梅)', 'NEAR(', '李雷 OR 韩梅梅', 'AND', 'NOT 李雷',
      '{name}: 李雷', 'name:李雷', '^李雷', '(((', ')', '%', '%%%', '___', '李%雷', '0013%', '_013', '\\', '😀', '😀😀😀', '李雷😀', '\u0000\u0001',
      'x'.repeat(100), '李'.repeat(100), '1'.repeat(100), ' \u3000 ', '－－－', '+', '+86', '()', 'ｌｆｖ',
    ];
    for (const q of inputs) {
      const r = await call(t.core, tok.a!, 'customers.search', { q });
      expect(r.ok, JSON.stringify(q)).toBe(true);
      for (const h of r.ok ? (r.value as SearchHit[]) : []) expect(t.core.sqlite.prepare('SELECT owner_id FROM customers WHERE id = ?').pluck().get(h.id)).toBe(uid.a);
    }
    expect(t.core.sqlite.prepare('SELECT COUNT(*) FROM customers').pluck().get()).toBeGreaterThan(400);
    // the wildcard is ignored, the rest still finds
    expect(names(await search('a', '0013%'))).toContain('李雷');
  });

  it('refuses input over 100 characters with a clear message', async () => {
    const r = await call(t.core, tok.a!, 'customers.search', { q: 'x'.repeat(101) });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('parseSearchInput', () => {
  it('reads digits as a phone fragment in national form and text as name / plate / VIN', () => {
    expect(parseSearchInput('＋８６ １３８－００１３')).toMatchObject({ phone: '1380013', name: null });
    expect(parseSearchInput('0086 755 8888 1234')).toMatchObject({ phone: '75588881234' });
    expect(parseSearchInput('0086')).toMatchObject({ phone: '0086' }); // the last 4 digits of 139 0000 0086
    expect(parseSearchInput('8613')).toMatchObject({ phone: '8613' });
    expect(parseSearchInput('+86')).toBeNull();
    expect(parseSearchInput('0755-8888')).toMatchObject({ phone: '07558888' });
    expect(parseSearchInput('粤b 123')).toMatchObject({ name: '粤b 123', plate: '粤B123', vin: null, phone: null });
    expect(parseSearchInput('lfv2a')).toMatchObject({ vin: 'LFV2A', plate: 'LFV2A' });
    expect(parseSearchInput(' \u3000 ')).toBeNull();
  });
});
