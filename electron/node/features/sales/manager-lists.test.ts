import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../../tests/support/core';
import { callValue as call, salesFloor } from '../../../../tests/fixtures/sales-floor';

const DAY = 86_400_000;
type List = { rows: { id: number; customerId: number; daysInStage: number | null; openOpportunities?: number }[]; total: number; stalledDays?: number };

describe('manager lists: stalled, no next activity, customers without a plan', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await makeCore();
  });
  afterEach(() => t.cleanup());

  it('stalled: open opportunities without a stage change for sales.stalledDays days or more', async () => {
    const f = await salesFloor(t, { consultants: ['a1', 'a2', 'b1'] });
    const now = t.clock.now();
    const c = f.customer(f.a1.userId);
    const at30 = f.opp({ customerId: c, consultantId: f.a1.userId, stage: 'presentation', lastChange: now - 30 * DAY });
    f.opp({ customerId: c, consultantId: f.a1.userId, stage: 'presentation', lastChange: now - 29 * DAY });
    const at90 = f.opp({ customerId: c, consultantId: f.a1.userId, stage: 'test_drive', lastChange: now - 90 * DAY });
    f.opp({ customerId: c, consultantId: f.a1.userId, stage: 'test_drive', status: 'abandoned', lastChange: now - 90 * DAY });
    f.opp({ customerId: f.customer(f.b1.userId), consultantId: f.b1.userId, stage: 'test_drive', lastChange: now - 90 * DAY });

    const r = (await call(t.core, f.a1.token, 'sales.lists.stalled', {})) as List;
    expect(r.stalledDays).toBe(30);
    expect(r.rows.map((x) => [x.id, x.daysInStage])).toEqual([[at90, 90], [at30, 30]]);
    expect(r.total).toBe(2);

    t.core.settings.set('sales.stalledDays', 60);
    const r60 = (await call(t.core, f.a1.token, 'sales.lists.stalled', {})) as List;
    expect(r60.rows.map((x) => x.id)).toEqual([at90]);
    // The manager's team list does not include team B.
    const team = (await call(t.core, f.mgr.token, 'sales.lists.stalled', { scope: 'team' })) as List;
    expect(team.rows.map((x) => x.id)).toEqual([at90]);
  });

  it('stalled counts whole days in the dealer time zone, and the review grid with its pinned filter lists the same', async () => {
    const f = await salesFloor(t, { consultants: ['a1', 'a2', 'b1'] });
    // Now: 2026-11-23 09:00 Shanghai. 30 days ago = 2026-10-24.
    const c = f.customer(f.a1.userId);
    const lateOnDay = f.opp({ customerId: c, consultantId: f.a1.userId, stage: 'presentation', lastChange: Date.UTC(2026, 9, 24, 15, 59) }); // 23:59 on 10-24
    f.opp({ customerId: c, consultantId: f.a1.userId, stage: 'presentation', lastChange: Date.UTC(2026, 9, 24, 16, 1) }); // 00:01 on 10-25
    const params = (await call(t.core, f.a1.token, 'sales.review.params', {})) as { stalledDays: number; today: string; stalledOnOrBefore: string };
    expect(params).toEqual({ stalledDays: 30, today: '2026-11-23', stalledOnOrBefore: '2026-10-24' });
    const api = (await call(t.core, f.a1.token, 'sales.lists.stalled', {})) as List;
    expect(api.rows.map((x) => x.id)).toEqual([lateOnDay]);
    const grid = (await call(t.core, f.a1.token, 'grid.query', {
      dataset: 'opportunitiesReview',
      scope: 'mine',
      columns: ['customerName'],
      filter: {
        columns: [
          { join: 'and', conditions: [{ col: 'status', op: 'in', values: ['open'] }] },
          { join: 'and', conditions: [{ col: 'lastStageChangeAt', op: 'lte', value: params.stalledOnOrBefore }] },
        ],
      },
    })) as { rows: { id: number }[] };
    expect(grid.rows.map((r) => r.id)).toEqual([lateOnDay]);
  });

  it('no next activity: open opportunities without a planned activity on them', async () => {
    const f = await salesFloor(t, { consultants: ['a1', 'a2', 'b1'] });
    const c = f.customer(f.a1.userId);
    const planned = f.opp({ customerId: c, consultantId: f.a1.userId, stage: 'presentation' });
    f.activity({ customerId: c, opportunityId: planned, ownerId: f.a1.userId, status: 'planned' });
    const onlyDone = f.opp({ customerId: c, consultantId: f.a1.userId, stage: 'presentation' });
    f.activity({ customerId: c, opportunityId: onlyDone, ownerId: f.a1.userId, status: 'done' });
    const none = f.opp({ customerId: c, consultantId: f.a1.userId, stage: 'initial_contact' });
    f.opp({ customerId: c, consultantId: f.a1.userId, stage: 'delivery', status: 'won' });
    const r = (await call(t.core, f.a1.token, 'sales.lists.noNextActivity', {})) as List;
    expect(r.rows.map((x) => x.id).sort()).toEqual([onlyDone, none].sort());
    const grid = (await call(t.core, f.a1.token, 'grid.query', {
      dataset: 'opportunitiesReview',
      scope: 'mine',
      columns: ['customerName', 'hasPlan'],
      filter: {
        columns: [
          { join: 'and', conditions: [{ col: 'status', op: 'in', values: ['open'] }] },
          { join: 'and', conditions: [{ col: 'hasPlan', op: 'isFalse' }] },
        ],
      },
    })) as { rows: { id: number; hasPlan: boolean }[] };
    expect(grid.rows.map((x) => x.id).sort()).toEqual([onlyDone, none].sort());
    expect(grid.rows.every((x) => x.hasPlan === false)).toBe(true);
  });

  it('customers without a plan: an open opportunity and no planned activity at all', async () => {
    const f = await salesFloor(t, { consultants: ['a1', 'a2', 'b1'] });
    const noPlan = f.customer(f.a1.userId, '无计划');
    f.opp({ customerId: noPlan, consultantId: f.a1.userId, stage: 'presentation' });
    f.opp({ customerId: noPlan, consultantId: f.a1.userId, stage: 'needs_analysis' });
    const planned = f.customer(f.a1.userId, '有计划');
    f.opp({ customerId: planned, consultantId: f.a1.userId, stage: 'presentation' });
    f.activity({ customerId: planned, ownerId: f.a1.userId, status: 'planned' });
    const closedOnly = f.customer(f.a1.userId, '已成交');
    f.opp({ customerId: closedOnly, consultantId: f.a1.userId, stage: 'delivery', status: 'won' });
    const r = (await call(t.core, f.a1.token, 'sales.lists.noPlan', {})) as List;
    expect(r.rows.map((x) => [x.customerId, x.openOpportunities])).toEqual([[noPlan, 2]]);
    expect(r.total).toBe(1);
    await expect(call(t.core, f.a1.token, 'sales.lists.noPlan', { scope: 'all' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
