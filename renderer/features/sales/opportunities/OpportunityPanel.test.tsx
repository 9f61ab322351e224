// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OpportunityDetail } from '../../../../electron/common/api/sales';
import type { StageCode } from '../../../../electron/common/stages';
import { ApiError } from '../../../api';
import type * as Api from '../../../api';
import { clickOn, mount } from '../../../ui/component-test-kit';
import { OpportunityPanel } from './OpportunityPanel';

// The panel talks to the host only through call(); the test plays the host's answers.
const call = vi.hoisted(() => vi.fn());
vi.mock('../../../api', async (original) => ({ ...(await original<typeof Api>()), call }));

/** An open opportunity at 需求分析 (version 4) with `planned` planned activities. */
const detail = (planned: number): OpportunityDetail =>
  ({
    id: 31, customerId: 7, customerName: '王芳', customerKind: 'individual', customerPhone: null, customerIdNumber: null, consultantId: 5,
    consultantName: '顾问', source: 'walk_in', stage: 'needs_analysis', probability: 25, status: 'open', model: null, price: null,
    expectedPurchaseDate: null, abandonReason: null, competitorBrand: null, lastStageChangeAt: 0, closedAt: null, createdAt: 0, version: 4,
    history: [], activities: { planned, done: 0, overdue: 0, next: null, recent: [] }, intents: [], delivery: null,
  }) as OpportunityDetail;

const changed = vi.fn();
afterEach(() => {
  call.mockReset();
  changed.mockReset();
});

/** Opens the panel on `d`; `changeStage` plays the host's answer to a one-click move. */
async function open(d: OpportunityDetail, changeStage: () => Promise<unknown> = async () => ({ ok: true })) {
  call.mockImplementation(async (method: string) => {
    if (method === 'dict.list') return [];
    if (method === 'opportunities.get') return d;
    if (method === 'opportunities.changeStage') return changeStage();
    throw new Error(`unexpected ${method}`);
  });
  await mount(<OpportunityPanel id={31} onChanged={changed} />);
}
const clickStage = (code: StageCode) => clickOn(`[data-stage="${code}"]`);
const calls = (method: string) => call.mock.calls.filter(([m]) => m === method);

describe('商机 panel: a click on the stage bar', () => {
  it('forward with an activity planned: one changeStage with the loaded version, then the panel and the list reload', async () => {
    await open(detail(1));
    await clickStage('presentation');
    expect(calls('opportunities.changeStage')).toEqual([['opportunities.changeStage', { id: 31, expectedVersion: 4, stage: 'presentation' }]]);
    expect(calls('opportunities.get')).toHaveLength(2);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(document.querySelector('[data-testid="opp-stage-confirm"]')).toBeNull();
  });

  it.each([
    ['back: the dialog asks for the reason', 1, 'initial_contact', true],
    ['forward with no activity planned: the dialog asks for the next activity', 0, 'presentation', false],
  ] as const)('%s, nothing is sent', async (_case, planned, target, asksReason) => {
    await open(detail(planned));
    await clickStage(target);
    expect(calls('opportunities.changeStage')).toEqual([]);
    expect(document.querySelector('[data-testid="opp-stage-confirm"]')).not.toBeNull();
    expect(document.getElementById('opp-stage-reason') !== null).toBe(asksReason);
  });

  it('递交新车: the delivery form opens, no stage move is sent', async () => {
    await open(detail(1));
    await clickStage('delivery');
    expect(calls('opportunities.changeStage')).toEqual([]);
    expect(document.querySelector('[data-testid="opp-deliver-form"]')).not.toBeNull();
  });

  it('refused because someone else changed it: the message shows and the panel reloads, the list is not told', async () => {
    await open(detail(1), async () => {
      throw new ApiError('STALE_RECORD', '该记录已被他人修改');
    });
    await clickStage('presentation');
    expect(document.body.textContent).toContain('该记录已被他人修改');
    expect(calls('opportunities.get')).toHaveLength(2);
    expect(changed).not.toHaveBeenCalled();
  });
});
