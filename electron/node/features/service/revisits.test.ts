import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, usersWithSessions, type TestCore } from '../../../../tests/support/core';
import type { GridPage } from '../../../common/api/grid';
import { revisitPreset, type RevisitContext, type RevisitList, type RevisitTab } from '../../../common/api/revisits';
import { currentVersion } from '../../../../tests/support/versions';

let t: TestCore;
let tok: Record<string, string>;
let cust: number;
let visit: number;
const sq = (q: string, ...p: unknown[]) => t.core.sqlite.prepare(q).get(...p) as Record<string, unknown>;
const ok = <T>(r: { ok: boolean; value?: unknown; error?: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
};

beforeAll(async () => {
  t = await makeCore();
  // 2026-11-30 09:00 in Shanghai
  t.clock.set(Date.UTC(2026, 10, 30, 1, 0));
  ({ tok } = await usersWithSessions(t.core, [
    ['agent', 'serviceAgent'],
    ['boss', 'serviceManager'],
    ['seller', 'salesConsultant'],
  ]));
  const ins = (q: string, ...p: unknown[]) => Number(t.core.sqlite.prepare(q).run(...p).lastInsertRowid);
  cust = ins("INSERT INTO customers (name, created_at, updated_at) VALUES ('王先生', 0, 0)");
  const dnd = ins("INSERT INTO customers (name, dnd_revisit, created_at, updated_at) VALUES ('免打扰', 1, 0, 0)");
  const v1 = ins("INSERT INTO vehicles (customer_id, vin, model, created_at, updated_at) VALUES (?, 'LFV1', 'sagitar', 0, 0)", cust);
  const v2 = ins("INSERT INTO vehicles (customer_id, vin, model, created_at, updated_at) VALUES (?, 'LFV2', 'sagitar', 0, 0)", dnd);
  visit = ins("INSERT INTO service_visits (vehicle_id, customer_id, ro_number, date, type, items, created_at) VALUES (?, ?, 'RO1', '2026-11-29', 'repair', '更换刹车片', 0)", v1, cust);
  ins("INSERT INTO service_visits (vehicle_id, customer_id, ro_number, date, type, created_at) VALUES (?, ?, 'RO2', '2026-11-29', 'repair', 0)", v2, dnd);
});
afterAll(() => t.cleanup());

const list = async (tab: string) => ok<RevisitList>(await call(t.core, tok.agent!, 'revisits.list', { kind: 'repair', tab }));
/** A tab's rows as the screen shows them: the grid on the tab's rule (default range). */
const rows = async (tab: RevisitTab, columns: string[]) => {
  const g = ok<GridPage>(await call(t.core, tok.agent!, 'grid.query', { dataset: 'revisitRepair', scope: 'all', filter: { columns: [], preset: revisitPreset(tab) }, columns, limit: 100 }));
  return g.kind === 'rows' ? g.rows : [];
};

describe('repair revisits end to end', () => {
  it('default templates exist for both kinds; only service roles see revisits', async () => {
    const tpls = ok<{ kind: string; name: string }[]>(await call(t.core, tok.agent!, 'revisits.templates.list', {}));
    expect(tpls.map((x) => x.kind).sort()).toEqual(['repair', 'sales']);
    expect((await call(t.core, tok.seller!, 'revisits.list', { kind: 'repair', tab: 'pending' })).ok).toBe(false);
  });

  it('lists the repair with its items, leaving the DND customer out and counting them', async () => {
    const l = await list('pending');
    expect((await rows('pending', ['customerName', 'items'])).map((r) => [r.customerName, r.items])).toEqual([['王先生', '更换刹车片']]);
    expect(l.counts.pending).toBe(1);
    expect(l.excludedDnd).toBe(1);
    expect([l.from, l.to]).toEqual(['2026-11-28', '2026-11-30']);
  });

  it('a manager turns the 待回访 list into revisit tasks once (DND left out); agents may not', async () => {
    expect((await call(t.core, tok.agent!, 'revisits.toTasks', { kind: 'repair' })).ok).toBe(false);
    expect(ok(await call(t.core, tok.boss!, 'revisits.toTasks', { kind: 'repair' }))).toEqual({ created: 1, existing: 0, skippedOpen: 0, excludedDnd: 1 });
    expect(ok(await call(t.core, tok.boss!, 'revisits.toTasks', { kind: 'repair' }))).toEqual({ created: 0, existing: 1, skippedOpen: 0, excludedDnd: 1 });
    expect(sq("SELECT customer_id AS c, due_date AS d, ref_type AS t FROM tasks WHERE kind = 'revisit_repair'")).toEqual({ c: cust, d: '2026-11-30', t: 'service_visit' });
  });

  it('未接通 stays open and moves to the 未接通 tab; it is not done', async () => {
    // Unchanged DND flags do not touch the customer.
    ok(await call(t.core, tok.agent!, 'revisits.save', { kind: 'repair', eventId: visit, outcome: 'unreachable', dnd: { call: false, sms: false, revisit: false } }));
    expect(sq("SELECT count(*) AS n FROM audit_log WHERE entity = 'customer'").n).toBe(0);
    const l = await list('unreachable');
    expect((await rows('unreachable', ['attempts'])).map((r) => [r.id, r.attempts])).toEqual([[visit, 1]]);
    expect(l.counts).toEqual({ pending: 0, again: 0, unreachable: 1, done: 0 });
  });

  it('refuses a missing required answer and dissatisfied without a reason, saving nothing', async () => {
    const ctx = ok<RevisitContext>(await call(t.core, tok.agent!, 'revisits.open', { kind: 'repair', eventId: visit }));
    const tpl = ctx.templates[0]!;
    const r = await call(t.core, tok.agent!, 'revisits.save', { kind: 'repair', eventId: visit, outcome: 'done', templateId: tpl.id, answers: [], result: 'dissatisfied' });
    expect(r.ok).toBe(false);
    const msg = JSON.stringify(r);
    expect(msg).toContain('必答问题未回答');
    expect(msg).toContain('不满意原因');
    expect(sq("SELECT count(*) AS n FROM revisits WHERE status = 'done'").n).toBe(0);
  });

  it('a dissatisfied revisit: needs another revisit, a low-score task due D+3, DND flags audited', async () => {
    const ctx = ok<RevisitContext>(await call(t.core, tok.agent!, 'revisits.open', { kind: 'repair', eventId: visit }));
    const tpl = ctx.templates[0]!;
    const answers = tpl.questions.map((q) => ({ questionId: q.id, optionIndex: q.options.length - 1 }));
    const res = ok<{ needsRevisitAgain: boolean; lowScoreTaskId: number | null; score: number }>(
      await call(t.core, tok.agent!, 'revisits.save', {
        kind: 'repair',
        eventId: visit,
        outcome: 'done',
        templateId: tpl.id,
        answers,
        result: 'dissatisfied',
        reasons: ['quality'],
        needsRevisitAgain: false,
        notes: '刹车仍有异响',
        dnd: { call: false, sms: true, revisit: false },
      }),
    );
    expect(res.needsRevisitAgain).toBe(true);
    expect(res.score).toBe(0);
    expect(sq('SELECT kind, due_date AS due, status FROM tasks WHERE id = ?', res.lowScoreTaskId)).toEqual({ kind: 'low_score', due: '2026-12-03', status: 'open' });
    expect((await rows('again', ['date'])).map((r) => r.id)).toEqual([visit]);
    expect((await list('unreachable')).counts).toEqual({ pending: 0, again: 1, unreachable: 0, done: 0 });
    expect(await rows('unreachable', ['date'])).toEqual([]);
    expect(sq('SELECT dnd_sms AS s FROM customers WHERE id = ?', cust).s).toBe(1);
    expect(sq("SELECT count(*) AS n FROM audit_log WHERE entity = 'customer' AND entity_id = ?", String(cust)).n).toBe(1);
    const again = ok<RevisitContext>(await call(t.core, tok.agent!, 'revisits.open', { kind: 'repair', eventId: visit }));
    expect(again.history[0]).toMatchObject({ result: 'dissatisfied', reasons: ['quality'], notes: '刹车仍有异响' });
  });

  it('closing the low-score follow-up refuses "已跟进"; 修复中 plans a later one', async () => {
    const [task] = ok<{ id: number }[]>(await call(t.core, tok.agent!, 'revisits.lowScore.list', {}));
    const refused = await call(t.core, tok.agent!, 'revisits.lowScore.close', { taskId: task!.id, expectedVersion: currentVersion(t.core, 'tasks', task!.id), outcome: 'resolved', description: ' 已跟进。' });
    expect(JSON.stringify(refused)).toContain('已跟进');
    expect(refused.ok).toBe(false);
    const r = ok<{ nextTaskId: number }>(await call(t.core, tok.agent!, 'revisits.lowScore.close', { taskId: task!.id, expectedVersion: currentVersion(t.core, 'tasks', task!.id), outcome: 'repairing', description: '已约客户周六回店复检刹车' }));
    expect(sq('SELECT due_date AS due FROM tasks WHERE id = ?', r.nextTaskId).due).toBe('2026-12-03');
    expect(sq('SELECT status, notes FROM tasks WHERE id = ?', task!.id)).toEqual({ status: 'done', notes: '已约客户周六回店复检刹车' });
  });

  it('template editor: a name without 销售/维修 is refused; agents cannot edit', async () => {
    const tpl = { name: '回访模板', questions: [{ text: '满意吗?', options: [{ label: '是', score: 10 }, { label: '否', score: 0 }] }] };
    const bad = await call(t.core, tok.boss!, 'revisits.templates.save', tpl);
    expect(JSON.stringify(bad)).toContain('销售');
    expect((await call(t.core, tok.agent!, 'revisits.templates.save', { ...tpl, name: '销售回访 B' })).ok).toBe(false);
    const good = ok<{ kind: string }>(await call(t.core, tok.boss!, 'revisits.templates.save', { ...tpl, name: '销售回访 B' }));
    expect(good.kind).toBe('sales');
  });
});
