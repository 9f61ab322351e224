/**
 * 决策分析 → 销售分析 in the browser against the real server on a small demo database: the 日报's
 * rates, the funnel, median days per stage, the lost reasons, competitor brands, the consultant
 * ranking (sortable) and the forecast by month show what the API answers, a number opens the grid of
 * exactly its records, the screen reads in English, and a consultant has neither the menu entry
 * nor the API.
 */
import { describe, expect, it } from 'vitest';
import type { SalesAnalysis } from '../../electron/common/api/analysis';
import { apiFromPage, loginToShell, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(2_000);

describe('销售分析 (real server)', () => {
  it('a sales manager sees the rates, the funnel and the lost reasons, and a number opens exactly its records', async () => {
    const { page } = env.tp;
    // The month of the demo's last delivery has deals, visits and (usually) abandoned opportunities.
    const last = env.core.sqlite.prepare('select max(delivery_date) from deliveries').pluck().get() as string;
    await loginToShell(page, env.url, 'manager', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '销售分析' }).click();
    const screen = page.getByTestId('sales-analysis-screen');
    await screen.getByTestId('section-daily').waitFor();
    await screen.getByTestId('period-anchor').fill(last);
    const input = { period: { kind: 'month', anchor: last }, compare: 'previous', scope: 'all' };
    const r = ((await apiFromPage(page, 'analysis.sales.get', input)).body as unknown as { value: SalesAnalysis }).value;
    const c = r.current;
    expect(c.deals.value).toBeGreaterThan(0);
    const n = (v: number) => v.toLocaleString('en-US');
    await screen.getByTestId('daily-deals').filter({ hasText: new RegExp(`^${n(c.deals.value)}$`) }).waitFor();
    expect(await screen.getByTestId('daily-newProspects').textContent()).toBe(n(c.newProspects.value));
    const pct = (v: number | null) => (v === null ? '—' : `${(Math.round(v * 1000) / 10).toLocaleString('en-US')}%`);
    expect(await screen.getByTestId('daily-registrationRate').textContent()).toBe(pct(c.registrationRate.value));
    expect(await screen.getByTestId('daily-closingRate').textContent()).toBe(pct(c.closingRate.value));
    // The funnel's chart draws what the API answered; the table beside it carries the same numbers as links.
    const funnel = screen.getByTestId('chart-funnel');
    await funnel.locator('canvas').waitFor();
    expect((JSON.parse((await funnel.getAttribute('data-series')) ?? '[]') as { value: number }[]).map((d) => d.value)).toEqual(c.funnel.map((x) => x.reached.value));
    expect(await screen.getByTestId('funnel-initial_contact').textContent()).toBe(n(c.funnel[0]!.reached.value));
    expect(await screen.getByTestId('funnel-needs_analysis-conversion').textContent()).toBe(pct(c.funnel[1]!.conversion));
    expect(await screen.getByTestId('lost-total').textContent()).toBe(n(c.lost.value));
    if (c.lostReasons.length > 0) {
      const lost = screen.getByTestId('chart-lost');
      await lost.locator('canvas').waitFor();
      expect((JSON.parse((await lost.getAttribute('data-series')) ?? '[]') as { value: number }[]).map((d) => d.value)).toEqual(c.lostReasons.map((x) => x.figure.value));
    }
    // Median days per stage, competitor brands, the ranking and the forecast show what the API answered.
    const days = (v: number | null) => (v === null ? '—' : `${(Math.round(v * 10) / 10).toLocaleString('en-US')} 天`);
    for (const x of c.stageDays) {
      expect(await screen.getByTestId(`days-${x.stage}`).textContent()).toBe(days(x.median));
      expect(await screen.getByTestId(`days-${x.stage}-measured`).textContent()).toBe(n(x.measured.value));
    }
    expect(c.stageDays[0]!.measured.value).toBeGreaterThan(0);
    expect(await screen.getByTestId('competitors-total').textContent()).toBe(n(c.competitorLost.value));
    if (c.competitorBrands.length > 0) {
      const brands = screen.getByTestId('chart-competitors');
      await brands.locator('canvas').waitFor();
      expect((JSON.parse((await brands.getAttribute('data-series')) ?? '[]') as { value: number }[]).map((d) => d.value)).toEqual(c.competitorBrands.map((x) => x.figure.value));
    }
    expect(r.ranking.length).toBeGreaterThan(0);
    const top = r.ranking[0]!;
    expect(await screen.getByTestId(`rank-${top.consultantId}-deals`).textContent()).toBe(n(top.deals.value));
    // Under each count, the compared period's (the screen compares with the month before by default).
    expect(top.previous).not.toBeNull();
    expect(await screen.getByTestId(`rank-${top.consultantId}-deals-prev`).textContent()).toBe(n(top.previous!.deals.value));
    expect(await screen.getByTestId(`rank-${top.consultantId}-visits-prev`).textContent()).toBe(n(top.previous!.visits.value));
    const forecast = screen.getByTestId('chart-forecast');
    await forecast.locator('canvas').waitFor();
    expect((JSON.parse((await forecast.getAttribute('data-series')) ?? '[]') as { value: number }[]).map((d) => d.value)).toEqual(r.forecast.map((m) => m.count.value));
    for (const m of r.forecast) expect(await screen.getByTestId(`forecast-${m.month}-weight`).textContent()).toBe(m.weight.toLocaleString('en-US'));
    // Sorting the ranking by new prospects puts the consultant with the most first.
    await screen.getByTestId('rank-sort-leads').click();
    const mostLeads = [...r.ranking].sort((a, b) => b.leads.value - a.leads.value)[0]!;
    await expect.poll(() => screen.getByTestId('section-ranking').locator('tbody tr').first().getAttribute('data-testid')).toBe(`rank-row-${mostLeads.consultantId}`);

    await screenshot(page, 'analysis-sales');
    await screen.getByTestId('section-lost').scrollIntoViewIfNeeded();
    await screenshot(page, 'analysis-sales-lost');
    await screen.getByTestId('section-stage-days').scrollIntoViewIfNeeded();
    await screenshot(page, 'analysis-sales-stage-days');
    await screen.getByTestId('section-forecast').scrollIntoViewIfNeeded();
    await screenshot(page, 'analysis-sales-ranking-forecast');

    // 新增成交: the grid lists exactly the opportunities delivered in the month.
    const dialog = page.getByTestId('drill-dialog');
    await screen.getByTestId('daily-deals').click();
    await dialog.getByTestId('grid-total').filter({ hasText: `共 ${n(c.deals.value)} 条` }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // A funnel stage opens its opportunities.
    await screen.getByTestId('funnel-initial_contact').click();
    await dialog.getByTestId('grid-total').filter({ hasText: `共 ${n(c.funnel[0]!.reached.value)} 条` }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // The new figures open exactly their records: a stage's measured opportunities, a consultant's activities done on time, a forecast month.
    const drills: [string, number][] = [
      ['days-initial_contact-measured', c.stageDays[0]!.measured.value],
      [`rank-${top.consultantId}-activitiesOnTime`, top.activitiesOnTime.value],
      [`rank-${top.consultantId}-testDrives`, top.testDrives.value],
      [`rank-${top.consultantId}-visits-prev`, top.previous!.visits.value],
      ...r.forecast.filter((m) => m.count.value > 0).slice(0, 1).map((m): [string, number] => [`forecast-${m.month}`, m.count.value]),
    ];
    for (const [testId, value] of drills) {
      await screen.getByTestId(testId).click();
      await dialog.getByTestId('grid-total').filter({ hasText: `共 ${n(value)} 条` }).waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }
    // 留档率 opens the two lists it divides: first visits and walk-ins.
    if (c.registrationRate.value !== null) {
      await screen.getByTestId('daily-registrationRate').click();
      await dialog.getByRole('tab', { name: '登记来访' }).waitFor();
      await dialog.getByRole('tab', { name: '未留档' }).waitFor();
      await dialog.getByTestId('grid-total').first().filter({ hasText: `共 ${n(c.newProspects.value)} 条` }).waitFor();
      await screenshot(page, 'analysis-sales-drill');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }

    // A quarter holds lost sales to competitors in the small demo: the brands' Pareto draws the API's numbers, and a brand opens its list.
    await screen.getByTestId('period-kind').selectOption('quarter');
    const q = ((await apiFromPage(page, 'analysis.sales.get', { ...input, period: { kind: 'quarter', anchor: last } })).body as unknown as { value: SalesAnalysis }).value.current;
    await screen.getByTestId('competitors-total').filter({ hasText: new RegExp(`^${n(q.competitorLost.value)}$`) }).waitFor();
    if (q.competitorBrands.length > 0) {
      const brands = screen.getByTestId('chart-competitors');
      await brands.locator('canvas').waitFor();
      expect((JSON.parse((await brands.getAttribute('data-series')) ?? '[]') as { value: number }[]).map((d) => d.value)).toEqual(q.competitorBrands.map((x) => x.figure.value));
      const top = q.competitorBrands[0]!;
      await screen.getByTestId('section-competitors').scrollIntoViewIfNeeded();
      await screenshot(page, 'analysis-sales-competitors');
      await screen.getByTestId(`competitors-${top.brand ?? 'null'}`).click();
      await dialog.getByTestId('grid-total').filter({ hasText: `共 ${n(top.figure.value)} 条` }).waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }

    await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
    await screen.getByText('Registration rate', { exact: true }).waitFor();
    await screen.getByText('Funnel conversion (opportunities opened in the period)').waitFor();
    await screenshot(page, 'analysis-sales-en');
    await screen.getByText('Consultant ranking', { exact: true }).waitFor();
    await screen.getByTestId('section-forecast').scrollIntoViewIfNeeded();
    await screenshot(page, 'analysis-sales-ranking-forecast-en');
  });

  it('a consultant has no 销售分析 and the server refuses it', async () => {
    const { page } = env.tp;
    await loginToShell(page, env.url, 'sales1', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '我的客户' }).waitFor();
    expect(await page.getByRole('treeitem', { name: '销售分析' }).count()).toBe(0);
    const res = await apiFromPage(page, 'analysis.sales.get', { period: { kind: 'month', anchor: '2026-11-01' }, scope: 'mine' });
    expect(res.body.error?.code).toBe('FORBIDDEN');
  });
});
