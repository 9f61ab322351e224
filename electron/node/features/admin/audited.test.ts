import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, customers } from '../../../../db/schema';
import { makeCore, type TestCore } from '../../../../tests/support/core';
import { AuditedWriter } from './audited';

let t: TestCore;
let w: AuditedWriter;
beforeEach(async () => {
  t = await makeCore();
  w = new AuditedWriter(t.core.db, t.clock);
});
afterEach(() => t.cleanup());

const base = { name: '王小明', createdAt: 1, updatedAt: 1 };
const audit = () => t.core.db.select().from(auditLog).where(eq(auditLog.entity, 'customer')).all();

describe('audited writes', () => {
  it('create, update and delete each leave who/when/what with before and after', async () => {
    t.clock.set(Date.UTC(2026, 0, 5, 2, 0));
    const c = w.insert(7, 'customer', customers, base);
    w.update(8, 'customer', customers, c.id, { name: '王晓明', city: '深圳', updatedAt: 2 });
    const saved = w.update(8, 'customer', customers, c.id, { city: '深圳' }); // no real change: no row
    // …and no new version, which would make every other open form of the customer stale for nothing.
    expect(saved.version).toBe(c.version + 1);
    w.delete(9, 'customer', customers, c.id);
    const rows = audit();
    expect(rows.map((r) => [r.action, r.userId, r.entityId])).toEqual([
      ['create', 7, String(c.id)],
      ['update', 8, String(c.id)],
      ['delete', 9, String(c.id)],
    ]);
    expect(rows[0]!.at).toBe(Date.UTC(2026, 0, 5, 2, 0));
    expect(rows[0]!.after).toMatchObject({ name: '王小明' });
    expect(rows[1]!.before).toEqual({ name: '王小明', city: null, updatedAt: 1 });
    expect(rows[1]!.after).toEqual({ name: '王晓明', city: '深圳', updatedAt: 2 });
    expect(rows[2]!.before).toMatchObject({ name: '王晓明', city: '深圳' });
  });

  it('a failure anywhere in the transaction leaves neither the change nor its audit row', () => {
    const c = w.insert(1, 'customer', customers, base);
    expect(() =>
      t.core.db.transaction((tx) => {
        w.update(1, 'customer', customers, c.id, { name: '改名' }, tx);
        throw new Error('crash mid-write');
      }),
    ).toThrow('crash mid-write');
    expect(t.core.db.select().from(customers).where(eq(customers.id, c.id)).get()!.name).toBe('王小明');
    expect(audit().map((r) => r.action)).toEqual(['create']);
    // A write that violates a constraint is refused whole as well.
    expect(() => w.insert(1, 'customer', customers, { ...base, ownerId: 999_999 })).toThrow(/FOREIGN KEY/);
    expect(audit()).toHaveLength(1);
  });

  it('updating or deleting a missing row says NOT_FOUND and writes nothing', () => {
    expect(() => w.update(1, 'customer', customers, 12345, { name: 'x' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => w.delete(1, 'customer', customers, 12345)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(audit()).toHaveLength(0);
  });
});
