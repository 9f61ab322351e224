/** The customer grid on a 100,000-customer demo database: sort, 5-condition filter, grouping, views, export. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiFromPage, loginToShell, ROOT, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp();

async function openCustomers(page: Page, username = 'manager') {
  await loginToShell(page, env.url, username, DEMO_PASSWORD);
  await page.getByRole('treeitem', { name: '我的客户' }).click();
  await page.locator('.ag-row[row-index="0"]').waitFor();
}

const cell = (page: Page, row: number, col: string) => page.locator(`.ag-row[row-index="${row}"] [col-id="${col}"]`).textContent();

async function firstRowFromApi(page: Page, sort: { col: string; dir: 'asc' | 'desc' }[], columns: string[]) {
  const r = (await apiFromPage(page, 'grid.query', { dataset: 'customers', scope: 'team', columns, sort, limit: 1 })) as unknown as {
    body: { ok: boolean; value: { kind: 'rows'; rows: Record<string, unknown>[] } };
  };
  expect(r.body.ok).toBe(true);
  return r.body.value.rows[0];
}

describe('customer grid (100,000 customers)', () => {
  it('sorts by clicking a header: the first row is the API’s first row for that sort', async () => {
    const { page } = env.tp;
    await openCustomers(page);
    const columns = await page.locator('.ag-header-cell[col-id]').evaluateAll((els) => els.map((e) => e.getAttribute('col-id') ?? '').filter((id) => id && !id.startsWith('ag-')));
    expect(columns).toContain('name');
    await page.locator('.ag-header-cell[col-id="name"] .dg-header-label').click();
    await expect.poll(() => page.locator('.ag-header-cell[col-id="name"] .dg-sort').getAttribute('aria-label')).toBeTruthy();
    const dir = (await page.locator('.ag-header-cell[col-id="name"] .dg-sort').getAttribute('aria-label')) as 'asc' | 'desc';
    const expected = await firstRowFromApi(page, [{ col: 'name', dir }], columns);
    await expect.poll(() => cell(page, 0, 'name')).toBe(String(expected?.name));
    await page.locator('.ag-header-cell[col-id="name"] .dg-header-label').click();
    const dir2 = (await page.locator('.ag-header-cell[col-id="name"] .dg-sort').getAttribute('aria-label')) as 'asc' | 'desc' | null;
    if (dir2) {
      const expected2 = await firstRowFromApi(page, [{ col: 'name', dir: dir2 }], columns);
      await expect.poll(() => cell(page, 0, 'name')).toBe(String(expected2?.name));
    }
    await page.mouse.move(640, 20);
    await screenshot(page, 'grid-sorted');
    // The picture for the README: the customer grid on demo data.
    fs.mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshot.png') });
  });

  it('builds a 5-condition filter; the total follows the API count', async () => {
    const { page } = env.tp;
    await openCustomers(page);
    await page.locator('.ag-header-cell[col-id="name"] .dg-header-menu').click();
    await page.getByRole('menuitem', { name: '筛选…' }).click();
    const pop = page.getByRole('dialog', { name: /^筛选：/ });
    await pop.getByLabel('或者').check();
    for (let i = 0; i < 4; i++) await pop.getByRole('button', { name: '添加条件' }).click();
    const surnames = ['王', '李', '张', '刘', '陈'];
    const rows = pop.getByTestId('condition');
    for (let i = 0; i < 5; i++) {
      await rows.nth(i).getByLabel('运算符').selectOption('startsWith');
      await rows.nth(i).getByLabel('值').fill(surnames[i] as string);
    }
    await pop.getByRole('button', { name: '应用' }).click();
    await page.getByTestId('filter-chip').waitFor();
    const filter = { columns: [{ join: 'or', conditions: surnames.map((s) => ({ col: 'name', op: 'startsWith', value: s })) }] };
    const r = (await apiFromPage(page, 'grid.count', { dataset: 'customers', scope: 'team', filter })) as unknown as { body: { ok: boolean; value: { count: number } } };
    expect(r.body.ok).toBe(true);
    await page.getByTestId('grid-total').filter({ hasText: r.body.value.count.toLocaleString('en-US') }).waitFor();
    const first = (await cell(page, 0, 'name')) ?? '';
    expect(surnames.some((s) => first.startsWith(s))).toBe(true);
    await screenshot(page, 'grid-filter5');
  });

  it('drag two headers into the group bar, expand a group and see its rows', async () => {
    const { page } = env.tp;
    await openCustomers(page);
    const groupable = await page.locator('.ag-header-cell[col-id]').evaluateAll((els) => els.map((e) => e.getAttribute('col-id') ?? ''));
    const cols = (await apiFromPage(page, 'grid.columns', { dataset: 'customers' })) as unknown as { body: { value: { columns: { id: string; groupable: boolean }[] } } };
    const two = cols.body.value.columns.filter((c) => c.groupable && groupable.includes(c.id)).slice(0, 2);
    expect(two).toHaveLength(2);
    const bar = page.getByTestId('group-bar');
    for (const c of two) await page.locator(`.ag-header-cell[col-id="${c.id}"] .dg-header-label`).dragTo(bar);
    await expect.poll(() => page.getByTestId('group-chip').count()).toBe(2);
    await page.getByTestId('group-row').first().waitFor();
    await page.getByTestId('group-row').first().click();
    await page.locator('[data-testid="group-row"][data-level="1"]').first().waitFor();
    await page.locator('[data-testid="group-row"][data-level="1"]').first().click();
    await page.locator('.ag-row:not(.ag-full-width-row) [col-id="name"]').first().waitFor();
    await screenshot(page, 'grid-grouped');
  });

  it('saves a view, reloads, gets it back', async () => {
    const { page } = env.tp;
    await openCustomers(page);
    await page.locator('.ag-header-cell[col-id="name"] .dg-header-label').click();
    const dir = await page.locator('.ag-header-cell[col-id="name"] .dg-sort').getAttribute('aria-label');
    await page.getByTestId('views-button').click();
    await page.getByLabel('视图名称').fill('按姓名');
    await page.getByLabel('设为默认').check();
    await page.getByRole('button', { name: '保存视图' }).click();
    await page.getByTestId('views-button').filter({ hasText: '按姓名' }).waitFor();
    await page.reload();
    await page.locator('.ag-row[row-index="0"]').waitFor();
    await page.getByTestId('views-button').filter({ hasText: '按姓名' }).waitFor();
    expect(await page.locator('.ag-header-cell[col-id="name"] .dg-sort').getAttribute('aria-label')).toBe(dir);
  });

  it('exports to xlsx; the file has the header row and the rows', async () => {
    const { page } = env.tp;
    await openCustomers(page);
    await expect.poll(async () => ((await page.getByTestId('grid-total').textContent()) ?? '').length).toBeGreaterThan(0);
    const totalBefore = Number(((await page.getByTestId('grid-total').textContent()) ?? '').replace(/\D/g, ''));
    await page.locator('.ag-header-cell[col-id="name"] .dg-header-menu').click();
    await page.getByRole('menuitem', { name: '筛选…' }).click();
    const pop = page.getByRole('dialog', { name: /^筛选：/ });
    await pop.getByLabel('运算符').selectOption('startsWith');
    await pop.getByLabel('值').fill('王');
    await pop.getByRole('button', { name: '应用' }).click();
    await page.getByTestId('filter-chip').waitFor();
    // the filtered total, not the one still shown from before the filter
    const readTotal = async () => Number(((await page.getByTestId('grid-total').textContent()) ?? '').replace(/\D/g, ''));
    await expect.poll(readTotal).not.toBe(totalBefore);
    await expect.poll(readTotal).toBeGreaterThan(0);
    const total = await readTotal();
    const headers = (await page.locator('.ag-header-cell[col-id] .dg-header-label').allTextContents()).map((s) => s.replace(/[▲▼⧩\d]+$/u, '').trim());
    const download = page.waitForEvent('download');
    await page.getByTestId('export-button').click();
    const file = await (await download).path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws).toBeTruthy();
    const headerRow = (ws?.getRow(1).values as unknown[]).slice(1).map(String);
    expect(headerRow).toEqual(headers);
    expect((ws?.rowCount ?? 0) - 1).toBe(Math.min(total, 10_000));
    const nameLabel = ((await page.locator('.ag-header-cell[col-id="name"] .dg-header-label').textContent()) ?? '').replace(/[▲▼⧩\d]+$/u, '').trim();
    expect(String(ws?.getRow(2).getCell(headerRow.indexOf(nameLabel) + 1).value ?? '').startsWith('王')).toBe(true);
  });

  it('a consultant without the export permission gets no export button, and the API refuses', async () => {
    const { page } = env.tp;
    await openCustomers(page, 'sales1');
    expect(await page.getByTestId('export-button').count()).toBe(0);
    const r = await apiFromPage(page, 'grid.export', { dataset: 'customers', scope: 'mine', columns: ['name'], exportId: 'test-export-1' });
    expect(r.body.ok).toBe(false);
    expect(r.body.error?.code).toBe('FORBIDDEN');
  });
});
