import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, uploaded, userWithSession, type TestCore } from '../../../../tests/support/core';
import { encodeGbk } from '../../../../tests/support/gbk';
import type { ReconcileResult } from '../../../common/api/reconcile';

/**
 * 厂家漏斗核对 with the manufacturer's export as Chinese Excel saves it (GBK CSV, its own headers,
 * dates written three ways, phones with spaces and +86): each of their rows is paired with our
 * showroom visit by phone, else by name and day, and lands in one of the three lists.
 */
describe('厂家漏斗核对', () => {
  let t: TestCore;
  let mgr: string;
  const visit = (name: string, phone: string | null, day: string, first: boolean, consultant: number) =>
    Number(
      t.core.sqlite
        .prepare('INSERT INTO showroom_visits (name, phone, consultant_id, visit_date, first_visit, visit_mode, created_at) VALUES (?, ?, ?, ?, ?, ?, 0)')
        .run(name, phone, consultant, day, first ? 1 : 0, first ? 1 : 3).lastInsertRowid,
    );
  let v: Record<string, number>;

  beforeAll(async () => {
    t = await makeCore();
    const m = await userWithSession(t.core, 'rc.gm', 'generalManager');
    mgr = m.token;
    const sc = await userWithSession(t.core, 'rc.sc', 'salesConsultant');
    v = {
      zhang: visit('张三', '138 0000 0001', '2026-11-03', true, sc.userId),
      li: visit('李四', '13800000002', '2026-11-04', true, sc.userId),
      wang: visit('王五', '13800000003', '2026-11-05', false, sc.userId),
      zhao: visit('赵六', null, '2026-11-06', true, sc.userId),
      zheng: visit('郑十', '13800000010', '2026-11-09', true, sc.userId),
      october: visit('钱一', '13800000011', '2026-10-20', true, sc.userId),
    };
  });
  afterAll(() => t.cleanup());

  const run = async (csv: string, from = '2026-11-01', to = '2026-11-30') => {
    const uploadId = await uploaded(t.core, mgr, '漏斗导出.csv', encodeGbk(csv));
    return call(t.core, mgr, 'reconcile.funnel', { uploadId, from, to });
  };

  it('pairs by phone (nearest day), then by name and day; consistent, different with the fields, only in one system', async () => {
    const r = await run(
      [
        '客户姓名,手机号码,到店日期,是否首次',
        '张三,138 0000 0001,2026/11/3,是',
        '李四,13800000002,2026年11月4日,否',
        '王五五,+86 138-0000-0003,2026-11-07,否',
        '赵六,,2026-11-06,是',
        '孙七,13800000007,2026-11-08,是',
        '周八,13800000008,2026-10-01,是',
        '吴九,13800000009,昨天,是',
      ].join('\r\n'),
    );
    expect(r.ok).toBe(true);
    const x = (r.ok ? r.value : null) as ReconcileResult;
    expect(x).toMatchObject({ theirRows: 5, outsidePeriod: 1, ourVisits: 5 });
    expect(x.unreadable).toEqual([{ row: 8, reason: '到店日期无法识别:“昨天”' }]);
    expect(x.consistent.map((c) => [c.theirs.row, c.ours.visitId, c.matchedBy])).toEqual([
      [2, v.zhang, 'phone'],
      [5, v.zhao, 'nameDate'],
    ]);
    expect(x.different.map((d) => [d.theirs.row, d.ours.visitId, d.fields])).toEqual([
      [3, v.li, ['firstVisit']],
      [4, v.wang, ['name', 'visitDate']],
    ]);
    expect(x.onlyTheirs.map((o) => o.row)).toEqual([6]);
    expect(x.onlyOurs.map((o) => o.visitId)).toEqual([v.zheng]);
  });

  it('a file without the columns it needs is refused naming them; a consultant may not reconcile', async () => {
    const r = await run('客户,备注\n张三,无');
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('电话、到店日期') } });
    const sc = await userWithSession(t.core, 'rc.sc2', 'salesConsultant');
    expect(await call(t.core, sc.token, 'reconcile.funnel', { uploadId: 'x', from: '2026-11-01', to: '2026-11-30' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
