/**
 * 决策分析 → 集客分析 in the browser against the real server on a small demo database: the totals,
 * the charts and the tables show what the API answers, a number opens the grid of exactly its
 * records (visits and walk-ins in two tabs), the screen reads in English, and a consultant has
 * neither the menu entry nor the API.
 */
import { describe, expect, it } from 'vitest';
import type { TrafficAnalysis } from '../../electron/common/api/analysis';
import { apiFromPage, loginToShell, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(2_000);

describe('集客分析 (real server)', () => {
  it('a sales manager sees the month\'s traffic, each breakdown as a chart and a table, and a number opens its records', async () => {
    const { page } = env.tp;
    // The month of the demo's last walk-in batch has both kinds of traffic.
    const last = env.core.sqlite.prepare('select max(visit_date) from walk_in_batches').pluck().get() as string;
    await loginToShell(page, env.url, 'manager', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '集客分析' }).click();
    const screen = page.getByTestId('traffic-screen');
    await screen.getByTestId('traffic-totals').waitFor();
    await screen.getByTestId('period-anchor').fill(last);
    const input = { period: { kind: 'month', anchor: last }, compare: 'previous', scope: 'all' };
    const api = (await apiFromPage(page, 'analysis.traffic.get', input)).body as unknown as { value: TrafficAnalysis };
    const r = api.value;
    expect(r.totals.visits.current.value).toBeGreaterThan(0);
    const n = (v: number) => v.toLocaleString('en-US');
    await screen.getByTestId('total-traffic').filter({ hasText: new RegExp(`^${n(r.totals.traffic.current.value)}$`) }).waitFor();
    expect(await screen.getByTestId('total-visits').textContent()).toBe(n(r.totals.visits.current.value));
    expect(await screen.getByTestId('total-walkIns').textContent()).toBe(n(r.totals.walkIns.current.value));
    // Charts draw what the API answered; tables beside them carry the same numbers as links.
    const model = screen.getByTestId('chart-byModel');
    await model.locator('canvas').waitFor();
    expect((JSON.parse((await model.getAttribute('data-series')) ?? '[]') as { value: number }[]).map((d) => d.value)).toEqual(r.byModel.map((b) => b.current.value));
    const heat = screen.getByTestId('chart-heat');
    expect(JSON.parse((await heat.getAttribute('data-series')) ?? '[]')).toEqual(r.heat.map((c) => [c.weekday, c.hour, c.value]));
    const src = r.bySource[0]!;
    expect(await screen.getByTestId(`bySource-${src.key ?? 'null'}`).textContent()).toBe(n(src.current.value));
    await screen.getByTestId('section-heat').scrollIntoViewIfNeeded();
    await screenshot(page, 'analysis-traffic');

    // 登记来访: the grid lists exactly that many visits.
    await screen.getByTestId('total-visits').click();
    const dialog = page.getByTestId('drill-dialog');
    await dialog.getByTestId('grid-total').filter({ hasText: `共 ${n(r.totals.visits.current.value)} 条` }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // 集客量: two lists, the visits and the walk-in batches.
    await screen.getByTestId('total-traffic').click();
    await dialog.getByRole('tab', { name: '未留档' }).click();
    const walkIn = r.totals.traffic.current.drill.find((q) => q.dataset === 'walkInBatches')!;
    const batches = (await apiFromPage(page, 'grid.count', walkIn)).body as unknown as { value: { count: number } };
    await dialog.getByTestId('drill-grid-walkInBatches').getByTestId('grid-total').filter({ hasText: `共 ${n(batches.value.count)} 条` }).waitFor();
    await screenshot(page, 'analysis-traffic-drill');
    await screenshot(page, 'analysis-traffic-drill');
    await page.keyboard.press('Escape');

    // A source's number opens its visits: the grid's count is the figure.
    await screen.getByTestId(`bySource-${src.key ?? 'null'}`).click();
    await dialog.getByTestId('grid-total').filter({ hasText: `共 ${n(src.current.value)} 条` }).waitFor();
    await page.keyboard.press('Escape');

    await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
    await screen.getByText('Showroom traffic', { exact: true }).first().waitFor();
    await screen.getByText('Model of interest').waitFor();
    await screen.getByTestId('traffic-totals').scrollIntoViewIfNeeded();
    await screenshot(page, 'analysis-traffic-en');

    // One consultant of the scope: the figures are theirs.
    const pick = screen.getByTestId('consultant');
    await pick.locator('option').nth(1).waitFor({ state: 'attached' });
    const id = Number(await pick.locator('option').nth(1).getAttribute('value'));
    await pick.selectOption(String(id));
    const one = ((await apiFromPage(page, 'analysis.traffic.get', { ...input, consultantId: id })).body as unknown as { value: TrafficAnalysis }).value;
    expect(one.totals.visits.current.value).toBeLessThan(r.totals.visits.current.value);
    await screen.getByTestId('total-visits').filter({ hasText: new RegExp(`^${n(one.totals.visits.current.value)}$`) }).waitFor();
  });

  it('a consultant has no 集客分析 and the server refuses it', async () => {
    const { page } = env.tp;
    await loginToShell(page, env.url, 'sales1', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '我的客户' }).waitFor();
    expect(await page.getByRole('treeitem', { name: '集客分析' }).count()).toBe(0);
    const res = await apiFromPage(page, 'analysis.traffic.get', { period: { kind: 'month', anchor: '2026-11-01' }, scope: 'mine' });
    expect(res.body.error?.code).toBe('FORBIDDEN');
  });
});
