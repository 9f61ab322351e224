import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, userWithSession, type TestCore } from '../../../../tests/support/core';
import type { DuplicateGroup, MergeResult, MergeSide } from '../../../common/api/dedupe';
import type { CtiLookupResult } from '../../../common/api/telephony';
import { seedDemo } from '../demo/seed';
import { oneDigitApart } from './similar';

describe('one digit apart', () => {
  it('a mistyped digit or two neighbours swapped; not the same number, not two far digits, not another length', () => {
    expect(oneDigitApart('8613812345678', '8613812345679')).toBe(true);
    expect(oneDigitApart('8613812345678', '8613812345687')).toBe(true);
    expect(oneDigitApart('8613812345678', '8613912345678')).toBe(true);
    expect(oneDigitApart('8613812345678', '8613812345678')).toBe(false);
    expect(oneDigitApart('8613812345678', '8613912345679')).toBe(false);
    expect(oneDigitApart('8613812345678', '86138123456789')).toBe(false);
  });
});

/**
 * 客户去重 on a seeded database with planted duplicates: the scan finds the same phone, the same ID
 * number and the same name with a phone one digit apart (and not the same name with unrelated
 * phones); a merge moves every record that points at the merged customer to the kept one, in one
 * transaction, audited; the merged id still opens the kept customer and its number pops it.
 */
describe('客户去重', () => {
  let t: TestCore;
  let tok: Record<string, string>;
  let ids: Record<string, number>;
  const q = <T>(text: string, ...params: unknown[]) => t.core.sqlite.prepare(text).get(...params) as T;
  const customer = (name: string, phone: string, extra: { idNumber?: string; owner?: number | null } = {}) => {
    const id = Number(
      t.core.sqlite
        .prepare('INSERT INTO customers (name, id_number, owner_id, created_at, updated_at) VALUES (?, ?, ?, 0, 0)')
        .run(name, extra.idNumber ?? null, extra.owner ?? null).lastInsertRowid,
    );
    t.core.sqlite.prepare("INSERT INTO customer_phones (customer_id, raw, normalized, kind, is_primary) VALUES (?, ?, ?, 'mobile', 1)").run(id, phone, `86${phone}`);
    return id;
  };
  const scan = async () => {
    await t.core.services.dedupe.scan();
    const r = await call(t.core, tok.admin!, 'dedupe.groups', { limit: 200 });
    return r.ok ? (r.value as { total: number; rows: DuplicateGroup[] }).rows : [];
  };
  const groupOf = (rows: DuplicateGroup[], id: number) => rows.find((g) => g.members.some((m) => m.id === id));

  beforeAll(async () => {
    t = await makeCore();
    await seedDemo(t.core.sqlite, { customers: 300, today: '2026-12-04' });
    const admin = await userWithSession(t.core, 'dd.admin', 'admin');
    const cs = await userWithSession(t.core, 'dd.csm', 'serviceManager');
    const sc = await userWithSession(t.core, 'dd.sc', 'salesConsultant');
    tok = { admin: admin.token, csm: cs.token, sc: sc.token };
    const owner = q<{ id: number }>("SELECT id FROM users WHERE role = 'salesConsultant' ORDER BY id LIMIT 1").id;
    const other = q<{ id: number }>("SELECT id FROM users WHERE role = 'salesConsultant' ORDER BY id LIMIT 1 OFFSET 1").id;
    ids = {
      phoneA: customer('周一鸣', '17700000001', { owner }),
      phoneB: customer('周逸鸣', '17700000001', { owner: other }),
      idA: customer('吴海', '17700000011', { idNumber: '11010519491231002X', owner }),
      idB: customer('吴海洋', '17700000012', { idNumber: '11010519491231002X', owner }),
      nameA: customer('郑晓梅', '17712345678', { owner }),
      nameB: customer('郑晓梅', '17712345687', { owner }),
      // One digit from nameA's number (not nameB's): the three are one group.
      nameC: customer('郑晓梅', '17712305678', { owner }),
      farA: customer('钱多多', '17711111111', { owner }),
      farB: customer('钱多多', '17799999999', { owner }),
    };
  }, 120_000);
  afterAll(() => t.cleanup());

  it('finds the same phone, the same ID number and the same name with a phone one digit apart — not the same name alone', async () => {
    const rows = await scan();
    expect(groupOf(rows, ids.phoneA!)).toMatchObject({ rule: 'phone', key: '8617700000001' });
    expect(groupOf(rows, ids.phoneA!)!.members.map((m) => m.id)).toEqual([ids.phoneA, ids.phoneB]);
    expect(groupOf(rows, ids.idA!)).toMatchObject({ rule: 'idNumber', key: '11010519491231002X' });
    expect(groupOf(rows, ids.nameA!)).toMatchObject({ rule: 'nameSimilarPhone', key: '郑晓梅' });
    expect(groupOf(rows, ids.nameA!)!.members.map((m) => m.id)).toEqual([ids.nameA, ids.nameB, ids.nameC]);
    expect(groupOf(rows, ids.farA!)).toBeUndefined();
    // A consultant has no 客户去重.
    expect(await call(t.core, tok.sc!, 'dedupe.groups', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('不是重复: the group goes and the next scan does not suggest it again', async () => {
    const rows = await scan();
    const g = groupOf(rows, ids.idA!)!;
    expect(await call(t.core, tok.admin!, 'dedupe.dismiss', { groupId: g.id })).toMatchObject({ ok: true });
    expect(groupOf(await scan(), ids.idA!)).toBeUndefined();
  });

  it('merging customers of two owners needs the reassign permission', async () => {
    const sides = await call(t.core, tok.csm!, 'dedupe.compare', { keptId: ids.phoneA, mergedId: ids.phoneB });
    const { kept, merged } = (sides.ok ? sides.value : null) as { kept: MergeSide; merged: MergeSide };
    const r = await call(t.core, tok.csm!, 'dedupe.merge', { keptId: ids.phoneA, mergedId: ids.phoneB, keptVersion: kept.version, mergedVersion: merged.version });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(q<{ n: number }>('SELECT count(*) AS n FROM customers WHERE id = ?', ids.phoneB).n).toBe(1);
  });

  it('merges: every record moves to the kept customer in one transaction, fields as picked, audited; the old id and number resolve to the kept one', async () => {
    // The seeded customer with the most records is merged into another.
    const refs = t.core.sqlite
      .prepare(`SELECT m.name AS tbl, p."from" AS col FROM sqlite_master m, pragma_foreign_key_list(m.name) p WHERE m.type = 'table' AND p."table" = 'customers'`)
      .all() as { tbl: string; col: string }[];
    const moving = refs.filter((r) => !['import_batch_rows', 'duplicate_members'].includes(r.tbl));
    const countFor = (id: number) => Object.fromEntries(moving.map((r) => [r.tbl, q<{ n: number }>(`SELECT count(*) AS n FROM "${r.tbl}" WHERE "${r.col}" = ?`, id).n]));
    const busiest = q<{ id: number }>(
      `SELECT c.id FROM customers c ORDER BY (SELECT count(*) FROM service_visits s WHERE s.customer_id = c.id) + (SELECT count(*) FROM calls x WHERE x.customer_id = c.id)
         + (SELECT count(*) FROM opportunities o WHERE o.customer_id = c.id) + (SELECT count(*) FROM revisits r WHERE r.customer_id = c.id) DESC LIMIT 1`,
    ).id;
    const keptId = q<{ id: number }>('SELECT id FROM customers WHERE id <> ? AND owner_id IS NOT NULL ORDER BY id LIMIT 1', busiest).id;
    t.core.sqlite.prepare('UPDATE customers SET dnd_sms = 1, version = version + 1 WHERE id = ?').run(busiest);
    // The merged customer also has the kept one's number (typed twice): it is not doubled.
    const keptPhone = q<{ normalized: string; raw: string }>('SELECT normalized, raw FROM customer_phones WHERE customer_id = ? LIMIT 1', keptId);
    t.core.sqlite.prepare("INSERT INTO customer_phones (customer_id, raw, normalized, kind, is_primary) VALUES (?, ?, ?, 'mobile', 0)").run(busiest, keptPhone.raw, keptPhone.normalized);
    const mergedOwnPhone = q<{ raw: string }>('SELECT raw FROM customer_phones WHERE customer_id = ? AND normalized <> ? LIMIT 1', busiest, keptPhone.normalized);
    const before = { kept: countFor(keptId), merged: countFor(busiest) };
    expect(Object.values(before.merged).reduce((a, b) => a + b, 0)).toBeGreaterThan(5);

    const sides = await call(t.core, tok.admin!, 'dedupe.compare', { keptId, mergedId: busiest });
    const { kept, merged } = (sides.ok ? sides.value : null) as { kept: MergeSide; merged: MergeSide };
    expect(merged.records.service_visits).toBe(before.merged.service_visits);
    // A copy older than the record is refused, nothing written.
    expect(await call(t.core, tok.admin!, 'dedupe.merge', { keptId, mergedId: busiest, keptVersion: kept.version, mergedVersion: merged.version - 1 })).toMatchObject({
      ok: false,
      error: { code: 'STALE_RECORD' },
    });
    const r = await call(t.core, tok.admin!, 'dedupe.merge', { keptId, mergedId: busiest, keptVersion: kept.version, mergedVersion: merged.version, pick: { name: 'merged' } });
    expect(r.ok).toBe(true);
    const result = (r.ok ? r.value : null) as MergeResult;
    expect(result.moved.customer_phones_dropped).toBe(1);

    // Nothing points at the merged customer any more; the kept one has both sets.
    const after = countFor(keptId);
    for (const m of moving) {
      if (m.tbl === 'customer_merges') continue;
      expect(q<{ n: number }>(`SELECT count(*) AS n FROM "${m.tbl}" WHERE "${m.col}" = ?`, busiest).n, m.tbl).toBe(0);
      expect(after[m.tbl], m.tbl).toBe(before.kept[m.tbl]! + before.merged[m.tbl]! - (m.tbl === 'customer_phones' ? 1 : 0));
    }
    const row = q<{ name: string; dnd_sms: number }>('SELECT name, dnd_sms FROM customers WHERE id = ?', keptId);
    expect(row).toEqual({ name: merged.fields.name, dnd_sms: 1 });
    expect(q<{ n: number }>('SELECT count(*) AS n FROM customer_phones WHERE customer_id = ? AND is_primary = 1', keptId).n).toBe(1);
    expect(q<{ n: number }>('SELECT count(*) AS n FROM customers WHERE id = ?', busiest).n).toBe(0);
    const audit = t.core.sqlite.prepare("SELECT action, entity_id AS id FROM audit_log WHERE action IN ('merge', 'merged') ORDER BY id").all();
    expect(audit).toEqual([
      { action: 'merge', id: String(keptId) },
      { action: 'merged', id: String(busiest) },
    ]);

    // The old id still opens — the kept customer — and a call from the merged one's number pops the kept one.
    const card = await call(t.core, tok.admin!, 'customers.get', { id: busiest });
    expect(card.ok && (card.value as { id: number }).id).toBe(keptId);
    const pop = await call(t.core, tok.admin!, 'telephony.lookup', { number: mergedOwnPhone.raw });
    expect(pop.ok && (pop.value as CtiLookupResult).matches.map((m) => m.customerId)).toEqual([keptId]);
  });
});
