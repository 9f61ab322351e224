import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, usersWithSessions, type TestCore } from '../../../../tests/support/core';
import type { ActivityView, PlanTemplateView } from '../../../common/api/activities';
import { DEFAULT_PLAN_TEMPLATES } from './plan-templates';

/** Plan templates: defaults in every database, the ≥4-step rule, apply in the dealer's time zone. */

let t: TestCore;
const tok: Record<string, string> = {};
const uid: Record<string, number> = {};
const NOW = Date.UTC(2026, 10, 23, 1, 0, 0);

type Fail = { ok: false; error: { code: string; message: string; details?: { fields?: { field: string; message: string }[] } } };
const ok = <T>(r: unknown): T => {
  if (!(r as { ok: boolean }).ok) throw new Error(`call failed: ${JSON.stringify(r)}`);
  return (r as { value: T }).value;
};
const steps4 = [
  { type: 'call', subject: '电话回访', offsetDays: 0 },
  { type: 'call', subject: '邀约到店', offsetDays: 2 },
  { type: 'test_drive', subject: '试乘试驾', offsetDays: 5, stage: 'test_drive' },
  { type: 'quote', subject: '报价', offsetDays: 9 },
];

function opportunity(owner: number, status = 'open'): number {
  const c = t.core.sqlite.prepare("INSERT INTO customers (name, owner_id, source, created_at, updated_at) VALUES ('张伟', ?, 'showroom', ?, ?)").run(owner, NOW, NOW).lastInsertRowid;
  return Number(
    t.core.sqlite
      .prepare("INSERT INTO opportunities (customer_id, consultant_id, source, stage, status, last_stage_change_at, created_at, updated_at) VALUES (?, ?, 'showroom', 'initial_contact', ?, ?, ?, ?)")
      .run(c, owner, status, NOW, NOW, NOW).lastInsertRowid,
  );
}

beforeAll(async () => {
  t = await makeCore();
  const users = await usersWithSessions(t.core, [
    ['s1', 'salesConsultant'],
    ['s2', 'salesConsultant'],
    ['mgr', 'salesManager'],
  ]);
  Object.assign(tok, users.tok);
  Object.assign(uid, users.uid);
});
afterAll(() => t.cleanup());

describe('plan templates', () => {
  it('every new database has the default templates, each with at least 4 steps', async () => {
    const list = ok<PlanTemplateView[]>(await call(t.core, tok.s1!, 'planTemplates.list', {}));
    expect(list.map((x) => x.name)).toEqual(DEFAULT_PLAN_TEMPLATES.map((x) => x.name));
    expect(list[0]!.steps.map((s) => s.subject)).toEqual(['电话回访:确认需求与购车时间', '邀约到店:新车展示', '试乘试驾', '报价与方案']);
    for (const tpl of list) expect(tpl.steps.length).toBeGreaterThanOrEqual(4);
  });

  it('a template needs at least 4 steps (create and update), with a readable message', async () => {
    const r = (await call(t.core, tok.mgr!, 'planTemplates.create', { name: '太短', steps: steps4.slice(0, 3) })) as Fail;
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.message).toContain('至少需要 4 个步骤');
    expect(r.error.details?.fields?.[0]?.field).toBe('steps');
    const tpl = ok<PlanTemplateView>(await call(t.core, tok.mgr!, 'planTemplates.create', { name: '四步', steps: steps4 }));
    expect(tpl.steps).toHaveLength(4);
    const u = (await call(t.core, tok.mgr!, 'planTemplates.update', { id: tpl.id, name: '四步', steps: [] })) as Fail;
    expect(u.error.code).toBe('INVALID_INPUT');
    expect(ok<PlanTemplateView>(await call(t.core, tok.mgr!, 'planTemplates.update', { id: tpl.id, name: '五步', steps: [...steps4, { type: 'sms', subject: '成交短信', offsetDays: 12 }] })).steps).toHaveLength(5);
  });

  it('only managers edit templates; deactivated ones are no longer listed or applied', async () => {
    expect(((await call(t.core, tok.s1!, 'planTemplates.create', { name: 'x', steps: steps4 })) as Fail).error.code).toBe('FORBIDDEN');
    const tpl = ok<PlanTemplateView>(await call(t.core, tok.mgr!, 'planTemplates.create', { name: '停用测试', steps: steps4 }));
    ok(await call(t.core, tok.mgr!, 'planTemplates.deactivate', { id: tpl.id }));
    expect(ok<PlanTemplateView[]>(await call(t.core, tok.s1!, 'planTemplates.list', {})).some((x) => x.id === tpl.id)).toBe(false);
    expect(ok<PlanTemplateView[]>(await call(t.core, tok.mgr!, 'planTemplates.list', { includeInactive: true })).find((x) => x.id === tpl.id)?.active).toBe(false);
    const r = (await call(t.core, tok.s1!, 'planTemplates.apply', { templateId: tpl.id, opportunityId: opportunity(uid.s1!), startDate: '2026-11-23' })) as Fail;
    expect(r.error.code).toBe('CONFLICT');
  });

  it('apply → one planned activity per step, at start + offset days, 10:00 in the dealer’s time zone, in one audited transaction', async () => {
    const tpl = ok<PlanTemplateView>(await call(t.core, tok.mgr!, 'planTemplates.create', { name: '应用测试', steps: steps4 }));
    const opp = opportunity(uid.s1!);
    const acts = ok<ActivityView[]>(await call(t.core, tok.s1!, 'planTemplates.apply', { templateId: tpl.id, opportunityId: opp, startDate: '2026-11-30' }));
    // 10:00 Asia/Shanghai = 02:00 UTC.
    expect(acts.map((a) => new Date(a.plannedAt!).toISOString())).toEqual([
      '2026-11-30T02:00:00.000Z',
      '2026-12-02T02:00:00.000Z',
      '2026-12-05T02:00:00.000Z',
      '2026-12-09T02:00:00.000Z',
    ]);
    expect(acts.map((a) => [a.type, a.subject, a.status, a.ownerId, a.opportunityId])).toEqual(steps4.map((s) => [s.type, s.subject, 'planned', uid.s1, opp]));
    const audit = t.core.sqlite.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'activity' AND action = 'create' AND entity_id IN (" + acts.map(() => '?').join(',') + ')').get(...acts.map((a) => String(a.id))) as { n: number };
    expect(audit.n).toBe(4);
    expect((t.core.sqlite.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'plan_template' AND action = 'apply' AND entity_id = ?").get(String(tpl.id)) as { n: number }).n).toBe(1);

    // Another time zone and an explicit time: 09:30 in New York on 2026-11-30 is 14:30 UTC.
    t.core.settings.set('dealer.timeZone', 'America/New_York');
    try {
      const ny = ok<ActivityView[]>(await call(t.core, tok.s1!, 'planTemplates.apply', { templateId: tpl.id, opportunityId: opp, startDate: '2026-11-30', time: '09:30' }));
      expect(new Date(ny[0]!.plannedAt!).toISOString()).toBe('2026-11-30T14:30:00.000Z');
    } finally {
      t.core.settings.set('dealer.timeZone', 'Asia/Shanghai');
    }
  });

  it('apply refuses someone else’s opportunity (not found), a closed one, and a date that does not exist; nothing is written', async () => {
    const before = (t.core.sqlite.prepare('SELECT COUNT(*) AS n FROM activities').get() as { n: number }).n;
    const tplId = ok<PlanTemplateView[]>(await call(t.core, tok.s1!, 'planTemplates.list', {}))[0]!.id;
    expect(((await call(t.core, tok.s2!, 'planTemplates.apply', { templateId: tplId, opportunityId: opportunity(uid.s1!), startDate: '2026-11-23' })) as Fail).error.code).toBe('NOT_FOUND');
    expect(((await call(t.core, tok.s1!, 'planTemplates.apply', { templateId: tplId, opportunityId: opportunity(uid.s1!, 'won'), startDate: '2026-11-23' })) as Fail).error.code).toBe('CONFLICT');
    expect(((await call(t.core, tok.s1!, 'planTemplates.apply', { templateId: tplId, opportunityId: opportunity(uid.s1!), startDate: '2026-02-30' })) as Fail).error.code).toBe('INVALID_INPUT');
    expect((t.core.sqlite.prepare('SELECT COUNT(*) AS n FROM activities').get() as { n: number }).n).toBe(before);
  });
});
