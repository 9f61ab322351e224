/**
 * 决策分析 → 售后 / 客服 in the browser against the real server on a small demo database (which has
 * an after-sales history): the rates, dissatisfaction reasons, complaints and reminder conversion
 * show what the API answers, a number opens the grid of exactly its records, the screen reads in
 * English, and a service agent has neither the menu entry nor the API.
 */
import { describe, expect, it } from 'vitest';
import type { AftersalesAnalysis } from '../../electron/common/api/analysis-aftersales';
import { apiFromPage, loginToShell, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(2_000);

describe('售后 / 客服 (real server)', () => {
  it('the CRM manager sees the figures as the API counts them, and a number opens exactly its records', async () => {
    const { page } = env.tp;
    // The month of the demo's last repair order has revisits, complaints and reminders.
    const last = env.core.sqlite.prepare('select max(date) from service_visits').pluck().get() as string;
    await loginToShell(page, env.url, 'csmanager', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '售后 / 客服分析' }).click();
    const screen = page.getByTestId('aftersales-analysis-screen');
    await screen.getByTestId('section-rates').waitFor();
    await screen.getByTestId('period-anchor').fill(last);
    const r = ((await apiFromPage(page, 'analysis.aftersales.get', { period: { kind: 'month', anchor: last }, compare: 'previous' })).body as unknown as { value: AftersalesAnalysis }).value;
    const c = r.current;
    const n = (v: number) => v.toLocaleString('en-US');
    const pct = (v: number | null) => (v === null ? '—' : `${(Math.round(v * 1000) / 10).toLocaleString('en-US')}%`);
    await screen.getByTestId('complaints-total').filter({ hasText: new RegExp(`^${n(c.complaints.value)}$`) }).waitFor();
    for (const k of ['revisitSales', 'revisitRepair', 'solicitationRate', 'solicitationSuccess', 'firstServiceReturn', 'retention'] as const) expect(await screen.getByTestId(`rate-${k}`).textContent()).toBe(pct(c[k].value));
    expect(c.revisitRepair.value).not.toBeNull();
    expect(c.firstServiceDue.value).toBeGreaterThan(0);
    expect(await screen.getByTestId('dissatisfaction-total').textContent()).toBe(n(c.dissatisfied.value));
    if (c.dissatisfactionReasons.length > 0) {
      const chart = screen.getByTestId('chart-dissatisfaction');
      await chart.locator('canvas').waitFor();
      expect((JSON.parse((await chart.getAttribute('data-series')) ?? '[]') as { value: number }[]).map((d) => d.value)).toEqual(c.dissatisfactionReasons.map((x) => x.figure.value));
    }
    const trend = screen.getByTestId('chart-trend');
    await trend.locator('canvas').waitFor();
    expect((JSON.parse((await trend.getAttribute('data-series')) ?? '[]') as { value: number }[]).map((d) => d.value)).toEqual(c.dissatisfactionTrend.map((x) => x.figure.value));
    for (const x of c.reminders) expect(await screen.getByTestId(`reminder-${x.kind}-sent`).textContent()).toBe(n(x.sent.value));
    expect(c.reminders.some((x) => x.sent.value > 0)).toBe(true);
    await screenshot(page, 'analysis-aftersales');
    await screen.getByTestId('section-reminders').scrollIntoViewIfNeeded();
    await screenshot(page, 'analysis-aftersales-reminders');

    // One-list figures open exactly their records: complaints, open complaints, a reminder kind's reminders and appointments.
    const dialog = page.getByTestId('drill-dialog');
    const busiest = [...c.reminders].sort((a, b) => b.sent.value - a.sent.value)[0]!;
    const drills: [string, number][] = [
      ['complaints-total', c.complaints.value],
      ['complaints-open', c.complaintsOpen.value],
      [`reminder-${busiest.kind}-sent`, busiest.sent.value],
      [`reminder-${busiest.kind}-appointed`, busiest.appointed.value],
    ];
    for (const [testId, value] of drills) {
      await screen.getByTestId(testId).click();
      await dialog.getByTestId('grid-total').filter({ hasText: `共 ${n(value)} 条` }).waitFor();
      if (testId.endsWith('-sent')) await screenshot(page, 'analysis-aftersales-drill');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }

    await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
    await screen.getByText('Solicitation rate', { exact: true }).waitFor();
    await screen.getByTestId('section-rates').scrollIntoViewIfNeeded();
    await screenshot(page, 'analysis-aftersales-en');
  });

  it('a service agent has no 售后 / 客服分析 and the server refuses it', async () => {
    const { page } = env.tp;
    await loginToShell(page, env.url, 'service1', DEMO_PASSWORD);
    await page.getByRole('treeitem').first().waitFor();
    expect(await page.getByRole('treeitem', { name: '售后 / 客服分析' }).count()).toBe(0);
    const res = await apiFromPage(page, 'analysis.aftersales.get', { period: { kind: 'month', anchor: '2026-11-01' } });
    expect(res.body.error?.code).toBe('FORBIDDEN');
  });
});
