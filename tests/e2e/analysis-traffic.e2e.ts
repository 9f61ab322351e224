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
    await dialog.waitFor({ state: 'detached' });

    // The heat map's 未留档 and 合计 layers (walk-ins by the hour their batch was saved): the chart
    // draws the API's cells, and a cell opens exactly its batches.
    expect(r.heatWalkIns.length).toBeGreaterThan(0);
    await screen.getByTestId('heat-layer-walkIns').click();
    await expect.poll(async () => JSON.parse((await heat.getAttribute('data-series')) ?? '[]')).toEqual(r.heatWalkIns.map((c) => [c.weekday, c.hour, c.value]));
    const cell = r.heatWalkIns[0]!;
    await screen.getByTestId('section-heat').scrollIntoViewIfNeeded();
    await screenshot(page, 'analysis-traffic-heat-walkins');
    await screen.getByTestId(`heat-walkIns-${cell.weekday}-${cell.hour}`).click();
    const cellBatches = ((await apiFromPage(page, 'grid.count', cell.drill[0]!)).body as unknown as { value: { count: number } }).value.count;
    expect(cellBatches).toBeGreaterThan(0);
    await dialog.getByTestId('grid-total').filter({ hasText: `共 ${n(cellBatches)} 条` }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await screen.getByTestId('heat-layer-total').click();
    await expect.poll(async () => JSON.parse((await heat.getAttribute('data-series')) ?? '[]')).toEqual(r.heatTotal.map((c) => [c.weekday, c.hour, c.value]));

    // 客户地区 by the ID number's region: the switch names the source on the chart; a region opens its visits.
    await screen.getByTestId('district-by-idRegion').click();
    const regions = screen.getByTestId('chart-byIdRegion');
    await regions.locator('canvas').waitFor();
    expect(await regions.getAttribute('aria-label')).toBe('客户地区 · 按身份证地区');
    expect((JSON.parse((await regions.getAttribute('data-series')) ?? '[]') as { name: string; value: number }[]).map((d) => d.value)).toEqual(r.byIdRegion.map((b) => b.current.value));
    const region = r.byIdRegion.find((b) => b.key !== null && b.key !== '*')!;
    expect(await screen.getByTestId('section-byIdRegion').getByText(r.regionNames[region.key!]!, { exact: true }).count()).toBeGreaterThan(0);
    await screen.getByTestId('section-byIdRegion').scrollIntoViewIfNeeded();
    await screenshot(page, 'analysis-traffic-region');
    await screen.getByTestId(`byIdRegion-${region.key}`).click();
    await dialog.getByTestId('grid-total').filter({ hasText: `共 ${n(region.current.value)} 条` }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // … and by the landline's area code (the demo gives ~12 % of people and most companies a landline).
    await screen.getByTestId('district-by-phoneArea').click();
    const areas = screen.getByTestId('chart-byPhoneArea');
    await areas.locator('canvas').waitFor();
    expect(await areas.getAttribute('aria-label')).toBe('客户地区 · 按固定电话区号');
    const area = r.byPhoneArea.find((b) => b.key !== null && b.key !== '*')!;
    expect(await screen.getByTestId('section-byPhoneArea').getByText(r.phoneAreaNames[area.key!]!, { exact: true }).count()).toBeGreaterThan(0);
    await screen.getByTestId(`byPhoneArea-${area.key}`).click();
    await dialog.getByTestId('grid-total').filter({ hasText: `共 ${n(area.current.value)} 条` }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await screen.getByTestId('section-byPhoneArea').scrollIntoViewIfNeeded();
    await screenshot(page, 'analysis-traffic-phone-area');
    await screen.getByTestId('district-by-idRegion').click();

    // 职业: the demo fills it for about two thirds; a known occupation opens its visits.
    const occ = r.byOccupation.find((b) => b.key !== null)!;
    await screen.getByTestId(`byOccupation-${occ.key}`).click();
    await dialog.getByTestId('grid-total').filter({ hasText: `共 ${n(occ.current.value)} 条` }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await screen.getByTestId('section-byOccupation').scrollIntoViewIfNeeded();
    await screenshot(page, 'analysis-traffic-occupation');

    await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
    await screen.getByText('Showroom traffic', { exact: true }).first().waitFor();
    await screen.getByText('Model of interest').waitFor();
    await screen.getByTestId('traffic-totals').scrollIntoViewIfNeeded();
    await screenshot(page, 'analysis-traffic-en');
    await screen.getByText('By ID-number region', { exact: true }).waitFor();
    await screen.getByTestId('section-byIdRegion').scrollIntoViewIfNeeded();
    await screenshot(page, 'analysis-traffic-region-en');
    await screen.getByTestId('heat-layer-walkIns').click();
    await screen.getByTestId('heat-layer-walkIns').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await screen.getByText('Walk-ins', { exact: true }).first().waitFor();
    await screenshot(page, 'analysis-traffic-heat-en');

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
