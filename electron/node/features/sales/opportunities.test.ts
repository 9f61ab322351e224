import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, type TestCore } from '../../../../tests/support/core';
import { salesFloor } from '../../../../tests/fixtures/sales-floor';
import { STAGES, stageProbability } from '../../../common/stages';
import { currentVersion } from '../../../../tests/support/versions';

/**
 * Opportunities through dispatch on a real SQLite file: stage probabilities, the stage history,
 * the next-activity rule, moving back with a reason, delivery only through the deal, and who may
 * act on which opportunity.
 */

let t: TestCore;
const tok: Record<string, string> = {};
const uid: Record<string, number> = {};
const HOUR = 3_600_000;

type Fail = { ok: false; error: { code: string; message: string; details?: { fields?: { field: string; message: string }[] } } };
type Ok<T> = { ok: true; value: T };
const fieldsOf = (r: unknown): Record<string, string> => ((r as { ok: boolean }).ok ? {} : Object.fromEntries(((r as Fail).error.details?.fields ?? []).map((f) => [f.field, f.message])));
const value = <T>(r: unknown): T => {
  if (!(r as { ok: boolean }).ok) throw new Error(JSON.stringify(r));
  return (r as Ok<T>).value;
};
const sqlGet = <T>(q: string, ...args: unknown[]) => t.core.sqlite.prepare(q).get(...args) as T;
const sqlAll = <T>(q: string, ...args: unknown[]) => t.core.sqlite.prepare(q).all(...args) as T[];

const next = (over: Record<string, unknown> = {}) => ({ type: 'call', plannedAt: t.clock.now() + 24 * HOUR, subject: '电话跟进', ...over });

async function customer(owner: string, name = '李雷'): Promise<number> {
  return value<{ id: number }>(await call(t.core, tok[owner]!, 'customers.create', { name, phones: [{ raw: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}` }] })).id;
}

async function opp(owner: string, over: Record<string, unknown> = {}): Promise<number> {
  const customerId = await customer(owner);
  return value<{ id: number }>(await call(t.core, tok[owner]!, 'opportunities.create', { customerId, source: 'showroom', nextActivity: next(), ...over })).id;
}

beforeAll(async () => {
  t = await makeCore();
  // The manager leads s1 and s2 (team A) but not s3; viewAll revoked so only the team rule counts.
  const floor = await salesFloor(t, { managerSeesAll: false });
  Object.assign(tok, floor.tok);
  Object.assign(uid, floor.uid);
  // The standard dictionaries (abandon reasons, brands, models…) come with every database.
}, 60_000); // six users, each logged in through scrypt: slow on a shared 2-CPU machine
afterAll(() => t.cleanup());

describe('stages', () => {
  it('has the six DS-CRM stages in order with their win probabilities', () => {
    expect(STAGES.map((s) => [s.zh, stageProbability(s.code)])).toEqual([
      ['初次接触', 5],
      ['弄清客户需求', 25],
      ['新车展示', 35],
      ['试车', 40],
      ['从报价到成交', 90],
      ['递交新车', 100],
    ]);
  });
});

describe('opportunities.create', () => {
  it('stores the opportunity, its first stage history row and the next planned activity, audited', async () => {
    const customerId = await customer('s1');
    const r = value<{ id: number; activityId: number }>(
      await call(t.core, tok.s1!, 'opportunities.create', {
        customerId,
        source: 'phone',
        model: 'magotan',
        price: 219900,
        expectedPurchaseDate: '2026-12-20',
        nextActivity: next({ subject: '邀约到店看车' }),
      }),
    );
    const d = value<{ stage: string; probability: number; consultantId: number; history: { fromStage: null; toStage: string; userName: string }[]; activities: { planned: number; next: { subject: string } } }>(
      await call(t.core, tok.s1!, 'opportunities.get', { id: r.id }),
    );
    expect(d).toMatchObject({ stage: 'initial_contact', probability: 5, consultantId: uid.s1, source: 'phone', model: 'magotan', price: 219900, status: 'open' });
    expect(d.history).toEqual([expect.objectContaining({ fromStage: null, toStage: 'initial_contact', userName: 's1 测试' })]);
    expect(d.activities).toMatchObject({ planned: 1, next: { id: r.activityId, subject: '邀约到店看车', type: 'call' } });
    const audited = sqlAll<{ entity: string }>("SELECT entity FROM audit_log WHERE entity IN ('opportunity', 'stage_history', 'activity') AND user_id = ? ORDER BY id", uid.s1);
    expect(audited.map((a) => a.entity)).toEqual(['opportunity', 'stage_history', 'activity']);
  });

  it('cannot be saved without a next planned activity, and says which field is missing', async () => {
    const customerId = await customer('s1');
    const before = sqlGet<{ n: number }>('SELECT count(*) AS n FROM opportunities').n;
    const r = await call(t.core, tok.s1!, 'opportunities.create', { customerId, source: 'market', nextActivity: { type: 'call', plannedAt: t.clock.now() + HOUR, subject: ' ' } });
    expect(fieldsOf(r)).toEqual({ 'nextActivity.subject': '必填' });
    const past = await call(t.core, tok.s1!, 'opportunities.create', { customerId, source: 'market', nextActivity: next({ plannedAt: t.clock.now() - 2 * HOUR }) });
    expect(fieldsOf(past)['nextActivity.plannedAt']).toBe('下次活动的计划时间已过,请选择将来的时间');
    expect(sqlGet<{ n: number }>('SELECT count(*) AS n FROM opportunities').n).toBe(before);
  });

  it('refuses to start at delivery, an unknown model and a price of 0', async () => {
    const customerId = await customer('s1');
    const r = await call(t.core, tok.s1!, 'opportunities.create', { customerId, source: 'market', stage: 'delivery', model: 'trabant', price: 0, nextActivity: next() });
    expect(fieldsOf(r)).toEqual({
      stage: '“递交新车”须通过交车表单完成(车辆、VIN、价格、交车日期、身份证号)',
      model: '“trabant”不在数据字典中,请从下拉列表选择',
      price: '价格应为大于 0 的金额',
    });
  });

  it('is refused for a customer the consultant cannot see (not found) and for a colleague outside the scope', async () => {
    const other = await customer('s3');
    const r = await call(t.core, tok.s1!, 'opportunities.create', { customerId: other, source: 'market', nextActivity: next() });
    expect((r as Fail).error.code).toBe('NOT_FOUND');
    const mine = await customer('s1');
    const r2 = await call(t.core, tok.s1!, 'opportunities.create', { customerId: mine, consultantId: uid.s2, source: 'market', nextActivity: next() });
    expect(fieldsOf(r2)).toEqual({ consultantId: '只能指派给在职、且在您管理范围内的销售顾问' });
    // the manager may hand it to a team member
    const r3 = await call(t.core, tok.mgr!, 'opportunities.create', { customerId: mine, consultantId: uid.s2, source: 'market', nextActivity: next() });
    expect(r3).toMatchObject({ ok: true });
  });

  it('is not offered to a customer-service agent (role check in dispatch)', async () => {
    const r = await call(t.core, tok.agent!, 'opportunities.create', { customerId: 1, source: 'market', nextActivity: next() });
    expect((r as Fail).error.code).toBe('FORBIDDEN');
  });
});

describe('opportunities.changeStage', () => {
  it('moves forward through the stages, recording every change with time and user', async () => {
    const id = await opp('s1');
    const path = ['needs_analysis', 'presentation', 'test_drive', 'quote_to_close'] as const;
    for (const stage of path) {
      t.clock.advance(60_000); // under the idle lock
      expect(await call(t.core, tok.s1!, 'opportunities.changeStage', { id, expectedVersion: currentVersion(t.core, 'opportunities', id), stage })).toEqual({ ok: true, value: { id } });
    }
    const h = sqlAll<{ fromStage: string; toStage: string; userId: number; at: number }>(
      'SELECT from_stage AS fromStage, to_stage AS toStage, user_id AS userId, at FROM stage_history WHERE opportunity_id = ? ORDER BY id',
      id,
    );
    expect(h.map((x) => `${x.fromStage}>${x.toStage}`)).toEqual([
      'null>initial_contact',
      'initial_contact>needs_analysis',
      'needs_analysis>presentation',
      'presentation>test_drive',
      'test_drive>quote_to_close',
    ]);
    expect(h.every((x) => x.userId === uid.s1)).toBe(true);
    expect(h.at(-1)!.at).toBe(t.clock.now());
    expect(sqlGet<{ stage: string; last: number }>('SELECT stage, last_stage_change_at AS last FROM opportunities WHERE id = ?', id)).toEqual({ stage: 'quote_to_close', last: t.clock.now() });
  });

  it('moving back asks for a reason, and stores it', async () => {
    const id = await opp('s1', { stage: 'test_drive' });
    const r = await call(t.core, tok.s1!, 'opportunities.changeStage', { id, expectedVersion: currentVersion(t.core, 'opportunities', id), stage: 'needs_analysis' });
    expect(fieldsOf(r)).toEqual({ reason: '流程状态回退(从“试车”退回“弄清客户需求”)须填写原因' });
    expect(sqlGet<{ stage: string }>('SELECT stage FROM opportunities WHERE id = ?', id).stage).toBe('test_drive');
    await call(t.core, tok.s1!, 'opportunities.changeStage', { id, expectedVersion: currentVersion(t.core, 'opportunities', id), stage: 'needs_analysis', reason: '客户预算变化,重新了解需求' });
    expect(sqlGet('SELECT from_stage AS f, to_stage AS t, reason FROM stage_history WHERE opportunity_id = ? ORDER BY id DESC LIMIT 1', id)).toEqual({
      f: 'test_drive',
      t: 'needs_analysis',
      reason: '客户预算变化,重新了解需求',
    });
  });

  it('delivery only through the delivery form', async () => {
    const id = await opp('s1', { stage: 'quote_to_close' });
    const r = await call(t.core, tok.s1!, 'opportunities.changeStage', { id, expectedVersion: currentVersion(t.core, 'opportunities', id), stage: 'delivery' });
    expect(Object.keys(fieldsOf(r))).toEqual(['stage']);
  });

  it('an open opportunity whose plans are all done needs a new next activity with the stage move', async () => {
    const id = await opp('s1');
    t.core.sqlite.prepare("UPDATE activities SET status = 'done', done_at = ? WHERE opportunity_id = ?").run(t.clock.now(), id);
    const r = await call(t.core, tok.s1!, 'opportunities.changeStage', { id, expectedVersion: currentVersion(t.core, 'opportunities', id), stage: 'needs_analysis' });
    expect(fieldsOf(r)).toEqual({ nextActivity: '未关闭的销售机会必须有下一次计划活动' });
    const ok = await call(t.core, tok.s1!, 'opportunities.changeStage', { id, expectedVersion: currentVersion(t.core, 'opportunities', id), stage: 'needs_analysis', nextActivity: next({ subject: '发送配置单' }) });
    expect(ok).toMatchObject({ ok: true });
    expect(sqlGet<{ n: number }>("SELECT count(*) AS n FROM activities WHERE opportunity_id = ? AND status = 'planned'", id).n).toBe(1);
  });

  it('a consultant cannot move a colleague’s opportunity; their manager can; another team’s manager scope does not reach', async () => {
    const id = await opp('s2');
    expect(((await call(t.core, tok.s1!, 'opportunities.changeStage', { id, expectedVersion: currentVersion(t.core, 'opportunities', id), stage: 'needs_analysis' })) as Fail).error.code).toBe('NOT_FOUND');
    expect(((await call(t.core, tok.s1!, 'opportunities.get', { id })) as Fail).error.code).toBe('NOT_FOUND');
    expect(await call(t.core, tok.mgr!, 'opportunities.changeStage', { id, expectedVersion: currentVersion(t.core, 'opportunities', id), stage: 'needs_analysis' })).toMatchObject({ ok: true });
    const s3opp = await opp('s3');
    expect(((await call(t.core, tok.mgr!, 'opportunities.get', { id: s3opp })) as Fail).error.code).toBe('NOT_FOUND');
    expect(await call(t.core, tok.gm!, 'opportunities.get', { id: s3opp })).toMatchObject({ ok: true });
  });

  it('the service API joins the caller’s transaction: a later failure rolls the opportunity back too', async () => {
    const customerId = await customer('s1');
    const sales = t.core.services.sales;
    const session = t.core.auth.resolve(tok.s1)!;
    const before = sqlGet<{ n: number }>('SELECT count(*) AS n FROM opportunities').n;
    expect(() =>
      t.core.db.transaction((tx) => {
        sales.opportunities.create(session, { customerId, source: 'showroom', nextActivity: next() }, tx);
        throw new Error('the showroom visit failed');
      }),
    ).toThrow('the showroom visit failed');
    expect(sqlGet<{ n: number }>('SELECT count(*) AS n FROM opportunities').n).toBe(before);
  });
});

describe('opportunities.update', () => {
  it('changes model, price, expected date and source, and keeps the next-activity rule', async () => {
    const id = await opp('s1');
    const r = await call(t.core, tok.s1!, 'opportunities.update', { id, expectedVersion: currentVersion(t.core, 'opportunities', id), patch: { model: 'tayron', price: 209900, expectedPurchaseDate: '2027-01-15', source: 'outbound' } });
    expect(r).toMatchObject({ ok: true });
    expect(sqlGet('SELECT model, price, expected_purchase_date AS d, source FROM opportunities WHERE id = ?', id)).toEqual({ model: 'tayron', price: 209900, d: '2027-01-15', source: 'outbound' });
    t.core.sqlite.prepare("UPDATE activities SET status = 'cancelled' WHERE opportunity_id = ?").run(id);
    const r2 = await call(t.core, tok.s1!, 'opportunities.update', { id, expectedVersion: currentVersion(t.core, 'opportunities', id), patch: { price: 199900 } });
    expect(fieldsOf(r2)).toEqual({ nextActivity: '未关闭的销售机会必须有下一次计划活动' });
    const bad = await call(t.core, tok.s1!, 'opportunities.update', { id, expectedVersion: currentVersion(t.core, 'opportunities', id), patch: { expectedPurchaseDate: '2026-02-30' }, nextActivity: next() });
    expect(fieldsOf(bad)).toEqual({ expectedPurchaseDate: '请填写有效日期,格式 YYYY-MM-DD' });
  });
});

describe('grid data set opportunities', () => {
  const columns = ['customerName', 'consultantName', 'stage', 'probability', 'status', 'model', 'createdAt'];
  it('a consultant lists only their own opportunities; the manager their team’s; stage carries its probability', async () => {
    const rows = value<{ kind: string; rows: { id: number; consultantName: string; stage: string; probability: number }[] }>(
      await call(t.core, tok.s2!, 'grid.query', { dataset: 'opportunities', scope: 'mine', columns, limit: 100 }),
    ).rows;
    const own = sqlAll<{ id: number }>('SELECT id FROM opportunities WHERE consultant_id = ? ORDER BY created_at DESC, id DESC', uid.s2).map((r) => r.id);
    expect(rows.map((r) => r.id).sort()).toEqual([...own].sort());
    expect(rows.every((r) => r.consultantName === 's2 测试')).toBe(true);
    const s = await call(t.core, tok.s1!, 'grid.query', { dataset: 'opportunities', scope: 'all', columns, limit: 10 });
    expect((s as Fail).error.code).toBe('FORBIDDEN');
    const team = value<{ rows: { consultantName: string; stage: string; probability: number }[] }>(
      await call(t.core, tok.mgr!, 'grid.query', { dataset: 'opportunities', scope: 'team', columns, limit: 500 }),
    ).rows;
    expect(new Set(team.map((r) => r.consultantName))).toEqual(new Set(['s1 测试', 's2 测试']));
    const qtc = team.find((r) => r.stage === 'quote_to_close');
    expect(qtc?.probability).toBe(90);
  });
});
