/**
 * 决策分析 → 呼叫中心 in the browser against the real server on a small demo database (which has a
 * call log: revisit calls, reminder calls and inbound calls): the figures, the hours chart and the
 * agents' table show what the API answers, a number opens 通话记录 with exactly its calls, the agent
 * picker narrows every figure, the screen reads in English, and an agent or a sales manager has
 * neither the menu entry nor the API.
 */
import { describe, expect, it } from 'vitest';
import type { CallsAnalysis } from '../../electron/common/api/analysis-calls';
import { apiFromPage, loginToShell, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(2_000);

describe('呼叫中心 (real server)', () => {
  it('the CS manager sees the figures as the API counts them; a number opens exactly its calls; one agent narrows them', async () => {
    const { page } = env.tp;
    // The Shanghai day of the demo's last call: its month has calls of every kind.
    const last = env.core.sqlite.prepare("select date(max(started_at) / 1000 + 8 * 3600, 'unixepoch') from calls").pluck().get() as string;
    await loginToShell(page, env.url, 'csmanager', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '呼叫中心分析' }).click();
    const screen = page.getByTestId('calls-analysis-screen');
    await screen.getByTestId('section-overview').waitFor();
    await screen.getByTestId('period-anchor').fill(last);
    const get = async (agentId?: number) =>
      ((await apiFromPage(page, 'analysis.calls.get', { period: { kind: 'month', anchor: last }, compare: 'previous', ...(agentId ? { agentId } : {}) })).body as unknown as { value: CallsAnalysis }).value;
    const r = await get();
    const c = r.current;
    const n = (v: number) => v.toLocaleString('en-US');
    const pct = (v: number | null) => (v === null ? '—' : `${(Math.round(v * 1000) / 10).toLocaleString('en-US')}%`);
    expect(c.inbound.value).toBeGreaterThan(0);
    expect(c.outbound.value).toBeGreaterThan(0);
    await screen.getByTestId('calls-calls').filter({ hasText: new RegExp(`^${n(c.calls.value)}$`) }).waitFor();
    for (const k of ['inbound', 'inboundAnswered', 'inboundMissed', 'missedCalledBack', 'missedNotCalledBack', 'outbound', 'outboundConnected'] as const) expect(await screen.getByTestId(`calls-${k}`).textContent()).toBe(n(c[k].value));
    for (const k of ['answerRate', 'serviceLevel', 'connectRate'] as const) expect(await screen.getByTestId(`calls-${k}`).textContent()).toBe(pct(c[k].value));
    const chart = screen.getByTestId('chart-hours');
    await chart.locator('canvas').waitFor();
    const drawn = JSON.parse((await chart.getAttribute('data-series')) ?? '[]') as { answered: number; missed: number; outbound: number }[];
    expect(drawn.map((d) => [d.answered, d.missed, d.outbound])).toEqual(c.byHour.map((h) => [h.inboundAnswered.value, h.inboundMissed.value, h.outbound.value]));
    expect(await screen.getByTestId('section-agents').locator('tbody tr').count()).toBe(c.agents.length);
    await screenshot(page, 'analysis-calls');
    await screen.getByTestId('section-agents').scrollIntoViewIfNeeded();
    await screenshot(page, 'analysis-calls-agents');

    // Numbers open 通话记录 with exactly their calls: missed and not called back, one hour's answered calls, an agent's outbound calls.
    const dialog = page.getByTestId('drill-dialog');
    const busyHour = [...c.byHour].sort((a, b) => b.inboundAnswered.value - a.inboundAnswered.value)[0]!;
    const agent = c.agents[0]!;
    const drills: [string, number][] = [
      ['calls-missedNotCalledBack', c.missedNotCalledBack.value],
      [`hour-${busyHour.hour}-inboundAnswered`, busyHour.inboundAnswered.value],
      [`agent-${agent.userId}-outbound`, agent.outbound.value],
    ];
    for (const [testId, value] of drills) {
      await screen.getByTestId(testId).click();
      await dialog.getByTestId('grid-total').filter({ hasText: `共 ${n(value)} 条` }).waitFor();
      if (testId.startsWith('hour-')) await screenshot(page, 'analysis-calls-drill');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }

    // One agent: every figure is theirs.
    const one = await get(agent.userId);
    await screen.getByTestId('calls-agent').selectOption(String(agent.userId));
    await screen.getByTestId('calls-inbound').filter({ hasText: new RegExp(`^${n(one.current.inbound.value)}$`) }).waitFor();
    expect(one.current.inbound.value).toBe(agent.inbound.value);
    expect(await screen.getByTestId('calls-outbound').textContent()).toBe(n(agent.outbound.value));
    expect(await screen.getByTestId('section-agents').locator('tbody tr').count()).toBe(1);

    await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
    await screen.getByText('Service level (answered within 20 s)', { exact: true }).waitFor();
    await screenshot(page, 'analysis-calls-en');
  });

  for (const [who, role] of [
    ['service1', 'a service agent'],
    ['manager', 'a sales manager'],
  ] as const)
    it(`${role} has no 呼叫中心分析 and the server refuses it`, async () => {
      const { page } = env.tp;
      await loginToShell(page, env.url, who, DEMO_PASSWORD);
      await page.getByRole('treeitem').first().waitFor();
      expect(await page.getByRole('treeitem', { name: '呼叫中心分析' }).count()).toBe(0);
      const res = await apiFromPage(page, 'analysis.calls.get', { period: { kind: 'month', anchor: '2026-11-01' } });
      expect(res.body.error?.code).toBe('FORBIDDEN');
    });
});
