/**
 * The DataGrid's own behaviour against a stand-in for the grid handlers (support/gridMock.ts):
 * what it sends for sort, paging, filter, grouping and views, and what it shows.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createActiveUser, loginToShell, screenshot, useFreshAppPerTest } from './support/app';
import { installGridMock } from './support/gridMock';

const env = useFreshAppPerTest();

async function openMyCustomers() {
  const { page } = env.tp;
  await createActiveUser(env.app.core, 'mgr', '王经理', 'salesManager');
  const mock = await installGridMock(page);
  await loginToShell(page, env.app.url, 'mgr');
  await page.getByRole('treeitem', { name: '我的客户' }).click();
  await page.locator('.ag-row[row-index="0"]').waitFor();
  return mock;
}

const queries = (mock: Awaited<ReturnType<typeof installGridMock>>) => mock.requests.filter((r) => r.method === 'grid.query').map((r) => r.body);

describe('DataGrid (stand-in server)', () => {
  it('header click sorts (asc → desc), shift-click adds a second sort; scrolling pages with the cursor, a jump with an offset', async () => {
    const { page } = env.tp;
    const mock = await openMyCustomers();
    expect(queries(mock)[0]).toMatchObject({ dataset: 'customers', scope: 'team', withTotal: true, sort: [{ col: 'name', dir: 'asc' }] });
    await page.getByTestId('grid-total').filter({ hasText: '1,000' }).waitFor();
    const firstName = () => page.locator('.ag-row[row-index="0"] [col-id="name"]').textContent();
    expect(await firstName()).toBe('客户0001');

    await page.locator('.ag-header-cell[col-id="name"] .dg-header-label').click();
    await expect.poll(firstName).toBe('客户1000');
    expect(queries(mock).at(-1)?.sort).toEqual([{ col: 'name', dir: 'desc' }]);

    const answered = page.waitForResponse((r) => r.url().endsWith('/api/grid.query') && (r.request().postData() ?? '').includes('"city"'));
    await page.locator('.ag-header-cell[col-id="city"] .dg-header-label').click({ modifiers: ['Shift'] });
    // the first block under the new sort must be back (with its cursor) before scrolling on
    await answered;
    await page.waitForTimeout(100);
    await expect.poll(() => queries(mock).at(-1)?.sort).toEqual([
      { col: 'name', dir: 'desc' },
      { col: 'city', dir: 'asc' },
    ]);

    // Scroll to the end of the first block: the next block asks with the cursor the first returned.
    const scrollTo = (y: number) =>
      page.evaluate((top) => {
        for (const el of document.querySelectorAll<HTMLElement>('.ag-body-viewport, .ag-body-vertical-scroll-viewport')) el.scrollTop = top;
      }, y);
    await scrollTo(30 * 120);
    await expect.poll(() => queries(mock).some((q) => q.cursor === 'c100')).toBe(true);
    // A jump far down uses an offset.
    await scrollTo(30 * 900);
    await expect.poll(() => queries(mock).some((q) => typeof q.offset === 'number' && q.offset >= 800)).toBe(true);
  });

  it('builds a 5-condition filter shown as chips; clear all removes it', async () => {
    const { page } = env.tp;
    const mock = await openMyCustomers();
    await page.locator('.ag-header-cell[col-id="name"] .dg-header-menu').click();
    await page.getByRole('menuitem', { name: '筛选…' }).click();
    const pop = page.getByRole('dialog', { name: '筛选：客户姓名' });
    await pop.getByLabel('或者').check();
    for (let i = 0; i < 4; i++) await pop.getByRole('button', { name: '添加条件' }).click();
    expect(await pop.getByRole('button', { name: '添加条件' }).isDisabled()).toBe(true);
    const rows = pop.getByTestId('condition');
    const ops = ['contains', 'startsWith', 'endsWith', 'equals', 'notContains'];
    for (let i = 0; i < 5; i++) {
      await rows.nth(i).getByLabel('运算符').selectOption(ops[i] as string);
      await rows.nth(i).getByLabel('值').fill(`0${i}`);
    }
    await pop.getByRole('button', { name: '应用' }).click();
    await expect.poll(() => (queries(mock).at(-1)?.filter as { columns: unknown[] } | undefined)?.columns).toEqual([
      { join: 'or', conditions: ops.map((op, i) => ({ col: 'name', op, value: `0${i}` })) },
    ]);
    await page.getByTestId('filter-chip').waitFor();
    await screenshot(page, 'grid-ui-filter');

    // Enumeration values and relative dates in the advanced find.
    await page.getByTestId('advanced-button').click();
    const adv = page.getByRole('dialog', { name: '高级查找' });
    await adv.getByLabel('列').selectOption('source');
    await adv.getByLabel('取值').selectOption(['web', 'phone']);
    await adv.getByRole('button', { name: '添加条件' }).click();
    await adv.getByTestId('condition').nth(1).getByLabel('列').selectOption('createdAt');
    await adv.getByTestId('condition').nth(1).getByLabel('运算符').selectOption('lastNDays');
    await adv.getByTestId('condition').nth(1).getByLabel('天数').fill('30');
    await adv.getByRole('button', { name: '应用' }).click();
    await expect.poll(() => (queries(mock).at(-1)?.filter as { advanced?: unknown } | undefined)?.advanced).toEqual({
      join: 'and',
      conditions: [
        { col: 'source', op: 'in', values: ['phone', 'web'] },
        { col: 'createdAt', op: 'lastNDays', n: 30 },
      ],
    });
    expect(await page.getByTestId('filter-chip').count()).toBe(2);
    await page.getByRole('button', { name: '清除全部筛选' }).click();
    await expect.poll(() => queries(mock).at(-1)?.filter).toEqual({ columns: [], advanced: null });
  });

  it('drag two headers into the group bar, expand groups down to rows; × ungroups', async () => {
    const { page } = env.tp;
    const mock = await openMyCustomers();
    const bar = page.getByTestId('group-bar');
    await page.locator('.ag-header-cell[col-id="city"] .dg-header-label').dragTo(bar);
    await page.getByTestId('group-chip').waitFor();
    await page.locator('.ag-header-cell[col-id="source"] .dg-header-label').dragTo(bar);
    await expect.poll(() => page.getByTestId('group-chip').count()).toBe(2);
    await page.getByTestId('group-row').first().waitFor();
    expect(queries(mock).at(-1)).toMatchObject({ groupBy: ['city', 'source'], groupKeys: [] });
    expect(await page.getByTestId('group-row').count()).toBe(3);
    await page.getByTestId('group-row').filter({ hasText: '长春' }).click();
    await page.locator('[data-testid="group-row"][data-level="1"]').first().waitFor();
    expect(queries(mock).at(-1)).toMatchObject({ groupKeys: ['长春'] });
    await page.locator('[data-testid="group-row"][data-level="1"]').first().click();
    await page.locator('.ag-row [col-id="name"]').first().waitFor();
    expect(queries(mock).at(-1)?.groupKeys).toHaveLength(2);
    await screenshot(page, 'grid-ui-groups');
    await page.getByRole('button', { name: /取消按 城市 分组/ }).click();
    await page.getByRole('button', { name: /取消按 来源 分组/ }).click();
    await page.locator('.ag-row[row-index="0"] [col-id="name"]').waitFor();
  });

  it('saves a view as default and gets it back after a reload', async () => {
    const { page } = env.tp;
    const mock = await openMyCustomers();
    await page.locator('.ag-header-cell[col-id="city"] .dg-header-label').click();
    await page.getByTestId('columns-button').click();
    await page.getByRole('dialog', { name: '选择列' }).getByLabel('车型').check();
    await page.getByRole('dialog', { name: '选择列' }).getByRole('button', { name: '关闭' }).click();
    await page.locator('.ag-header-cell[col-id="vehicleModel"]').waitFor();
    await page.getByTestId('views-button').click();
    await page.getByLabel('视图名称').fill('长春客户');
    await page.getByLabel('设为默认').check();
    await page.getByRole('button', { name: '保存视图' }).click();
    await expect.poll(() => mock.views.length).toBe(1);
    expect(mock.views[0]?.state.sort).toEqual([{ col: 'city', dir: 'asc' }]);
    expect(mock.views[0]?.state.columns.map((c) => c.id)).toContain('vehicleModel');

    await page.reload();
    await page.locator('.ag-header-cell[col-id="vehicleModel"]').waitFor();
    await page.getByTestId('views-button').filter({ hasText: '长春客户' }).waitFor();
    await expect.poll(() => queries(mock).at(-1)?.sort).toEqual([{ col: 'city', dir: 'asc' }]);
  });

  it('a manager shares a view with a role, makes another the default, deletes one', async () => {
    const { page } = env.tp;
    const mock = await openMyCustomers();
    await page.getByTestId('views-button').click();
    for (const name of ['甲', '乙']) {
      await page.getByLabel('视图名称').fill(name);
      await page.getByRole('button', { name: '保存视图' }).click();
      await expect.poll(() => mock.views.some((v) => v.name === name)).toBe(true);
      await expect.poll(() => page.getByLabel('视图名称').inputValue()).toBe('');
    }
    const items = page.getByTestId('view-item');
    await expect.poll(() => items.count()).toBe(2);
    await items.filter({ hasText: '甲' }).getByLabel('共享给角色').selectOption('salesConsultant');
    await expect.poll(() => mock.views.find((v) => v.name === '甲')?.sharedWithRole).toBe('salesConsultant');
    await items.filter({ hasText: '乙' }).getByRole('button', { name: '设为默认' }).click();
    await expect.poll(() => mock.views.find((v) => v.name === '乙')?.isDefault).toBe(true);
    await items.filter({ hasText: '甲' }).getByRole('button', { name: '删除视图 甲' }).click();
    await expect.poll(() => items.count()).toBe(1);
    await screenshot(page, 'grid-ui-views');
  });

  it('export: the refusal is shown as the server says it; a filtered export downloads the .xlsx', async () => {
    const { page } = env.tp;
    await openMyCustomers();
    await page.getByTestId('export-button').click();
    await page.getByRole('status').filter({ hasText: '缩小筛选范围' }).waitFor();
    await page.locator('.ag-header-cell[col-id="city"] .dg-header-menu').click();
    await page.getByRole('menuitem', { name: '筛选…' }).click();
    await page.getByRole('dialog', { name: '筛选：城市' }).getByLabel('值').fill('长春');
    await page.getByRole('dialog', { name: '筛选：城市' }).getByRole('button', { name: '应用' }).click();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-button').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('customers.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(await file.path()) as unknown as ArrayBuffer);
    expect((wb.worksheets[0]?.getRow(1).values as unknown[]).slice(1)).toEqual(['客户姓名', '电话', '城市', '来源', '建档日期']);
    await page.getByRole('status').filter({ hasText: '已导出 5 行' }).waitFor();
  });

  it('columns: drag a header by its free space to reorder; the order is kept in a saved view', async () => {
    const { page } = env.tp;
    const mock = await openMyCustomers();
    const order = () => page.locator('.ag-header-cell[col-id]').evaluateAll((els) => els.map((e) => e.getAttribute('col-id')).filter((id) => id && !id.startsWith('ag-')));
    expect((await order()).slice(0, 2)).toEqual(['name', 'phone']);
    const fill = await page.locator('.ag-header-cell[col-id="name"] .dg-header-fill').boundingBox();
    const target = await page.locator('.ag-header-cell[col-id="city"]').boundingBox();
    if (!fill || !target) throw new Error('no header');
    await page.mouse.move(fill.x + fill.width / 2, fill.y + fill.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(fill.x + ((target.x + target.width - 10 - fill.x) * i) / 10, fill.y + fill.height / 2);
    await page.mouse.up();
    await expect.poll(async () => (await order()).indexOf('name')).toBeGreaterThan(0);
    await page.getByTestId('views-button').click();
    await page.getByLabel('视图名称').fill('顺序');
    await page.getByRole('button', { name: '保存视图' }).click();
    await expect.poll(() => mock.views[0]?.state.columns.map((c) => c.id).indexOf('name')).toBeGreaterThan(0);
  });

  it('speaks English after a language switch: headers, group bar, filter operators', async () => {
    const { page } = env.tp;
    await openMyCustomers();
    await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
    await page.locator('.ag-header-cell[col-id="name"] .dg-header-label', { hasText: 'Name' }).waitFor();
    await page.getByTestId('group-bar').getByText('Drag a column header here to group by it').waitFor();
    await page.locator('.ag-header-cell[col-id="createdAt"] .dg-header-menu').click();
    await page.getByRole('menuitem', { name: 'Filter…' }).click();
    const ops = await page.getByRole('dialog', { name: 'Filter: Created' }).getByLabel('Operator').locator('option').allTextContents();
    expect(ops).toContain('last N days');
    await screenshot(page, 'grid-ui-english');
  });

  it('selection: checkboxes, then all N matching', async () => {
    const { page } = env.tp;
    await openMyCustomers();
    await page.locator('.ag-row[row-index="0"] .ag-selection-checkbox input, .ag-row[row-index="0"] input[type="checkbox"]').first().check();
    await page.getByTestId('selection-info').filter({ hasText: '已选 1 条' }).waitFor();
    await page.getByTestId('select-all-matching').click();
    await page.getByTestId('selection-info').filter({ hasText: '1,000' }).waitFor();
  });
});
