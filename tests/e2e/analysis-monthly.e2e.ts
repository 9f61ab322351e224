/**
 * 决策分析 → 关键指标 · 总经理月报 in the browser against the real server on a small demo database:
 * the general manager's month shows each section's headlines as the API answers them, a value opens
 * exactly its records, 导出 Excel downloads the workbook (one sheet per section, audited), the print
 * stylesheet gives a clean A4 PDF (one page, no shell), the page reads in English, and a
 * consultant has neither the menu entry nor the API.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MonthlyReport } from '../../electron/common/api/analysis-monthly';
import { apiFromPage, loginToShell, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(2_000);

describe('关键指标 · 总经理月报 (real server)', () => {
  it('the general manager reads the month, opens a figure\'s records, exports the workbook and prints one A4 page', async () => {
    const { page } = env.tp;
    // The month of the demo's last delivery has visits, deals and after-sales work.
    const month = (env.core.sqlite.prepare('select max(delivery_date) from deliveries').pluck().get() as string).slice(0, 7);
    await loginToShell(page, env.url, 'gm', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '关键指标 · 总经理月报' }).click();
    const screen = page.getByTestId('monthly-screen');
    await screen.getByTestId('section-traffic').waitFor();
    await screen.getByTestId('monthly-month').fill(month);
    const r = ((await apiFromPage(page, 'analysis.monthly.get', { month })).body as unknown as { value: MonthlyReport }).value;
    expect(r.sections.map((s) => s.topic).slice(0, 3)).toEqual(['traffic', 'sales', 'aftersales']);
    const traffic = r.sections[0]!.headlines.find((h) => h.key === 'traffic')!;
    expect(traffic.value).toBeGreaterThan(0);
    const n = (v: number) => v.toLocaleString('en-US');
    await screen.getByTestId('value-traffic-traffic').filter({ hasText: new RegExp(`^${n(traffic.value!)}$`) }).waitFor();
    const pct = (v: number | null) => (v === null ? '—' : `${(Math.round(v * 1000) / 10).toLocaleString('en-US')}%`);
    const deals = r.sections[1]!.headlines.find((h) => h.key === 'deals')!;
    expect(await screen.getByTestId('value-sales-deals').textContent()).toBe(n(deals.value!));
    const reg = r.sections[1]!.headlines.find((h) => h.key === 'registrationRate')!;
    expect(await screen.getByTestId('value-sales-registrationRate').textContent()).toBe(pct(reg.value));
    // The arrow says which way the month went against last month.
    const arrow = traffic.direction === 'up' ? '↑' : traffic.direction === 'down' ? '↓' : '→';
    expect((await screen.getByTestId('change-traffic-traffic').textContent())?.startsWith(arrow)).toBe(true);
    await screenshot(page, 'analysis-monthly');

    // 集客量 opens its two lists (registered visits and walk-ins); the visits' grid counts exactly them.
    const visits = r.sections[0]!.headlines.find((h) => h.key === 'visits')!;
    const dialog = page.getByTestId('drill-dialog');
    await screen.getByTestId('value-traffic-visits').click();
    await dialog.getByTestId('grid-total').filter({ hasText: `共 ${n(visits.value!)} 条` }).waitFor();
    await screenshot(page, 'analysis-monthly-drill');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // 导出 Excel: the download is the workbook, one sheet per section, and the export is audited.
    const before = env.core.sqlite.prepare("select count(*) from audit_log where action = 'export' and entity = 'report:monthly'").pluck().get() as number;
    const [download] = await Promise.all([page.waitForEvent('download'), screen.getByTestId('monthly-export').click()]);
    expect(download.suggestedFilename()).toBe(`monthly-report-${month}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['集客', '销售', '售后 · 客服', '呼叫中心']);
    expect(wb.getWorksheet('集客')!.getCell('B5').value).toBe(traffic.value);
    expect(env.core.sqlite.prepare("select count(*) from audit_log where action = 'export' and entity = 'report:monthly'").pluck().get()).toBe(before + 1);

    // 打印: on paper only the report (no menu, tabs or buttons), the four sections on one A4 page.
    await page.emulateMedia({ media: 'print' });
    const printed = page.locator('.monthly-print-root');
    expect(await printed.isVisible()).toBe(true);
    expect(await page.locator('#root').isVisible()).toBe(false);
    const text = (await printed.innerText()).replace(/\s+/g, ' ');
    for (const label of ['总经理月报', '集客量', '留档率', '招揽率', '呼入接通率', month]) expect(text).toContain(label);
    await screenshot(page, 'analysis-monthly-print');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    expect(pages).toBe(1);
    fs.writeFileSync('test-results/e2e/analysis-monthly.pdf', pdf);
    // With another tab in front (the report's tab stays mounted, hidden), printing is that screen's, not the report.
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('treeitem', { name: '集客分析' }).click();
    await page.getByTestId('traffic-screen').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await printed.isVisible()).toBe(false);
    expect(await page.locator('#root').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('treeitem', { name: '关键指标 · 总经理月报' }).click();
    await screen.waitFor();

    await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
    await screen.getByRole('heading', { name: 'Traffic', exact: true }).waitFor();
    await screen.getByText('Showroom traffic', { exact: true }).waitFor();
    await screen.getByText('Registration rate', { exact: true }).waitFor();
    await screenshot(page, 'analysis-monthly-en');
  });

  it('a consultant has no 关键指标 and the server refuses the report and its workbook', async () => {
    const { page } = env.tp;
    await loginToShell(page, env.url, 'sales1', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '我的客户' }).waitFor();
    expect(await page.getByRole('treeitem', { name: '关键指标 · 总经理月报' }).count()).toBe(0);
    for (const method of ['analysis.monthly.get', 'analysis.monthly.xlsx']) expect((await apiFromPage(page, method, { month: '2026-11' })).body.error?.code).toBe('FORBIDDEN');
  });
});
