/**
 * The customer card as a tab, opened from the grid (grid handlers stood in by support/gridMock.ts,
 * the card itself from the real customers.get on a small demo database); Ctrl+F finds the search box.
 */
import { describe, expect, it } from 'vitest';
import { loginToShell, screenshot } from './support/app';
import { installGridMock } from './support/gridMock';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(2_000);

describe('customer card (stand-in grid, real card)', () => {
  it('Enter on a row opens the card tab with profile, phones, vehicles and empty sections; Ctrl+F focuses the search box', async () => {
    const { page } = env.tp;
    await installGridMock(page);
    await loginToShell(page, env.url, 'gm', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '我的客户' }).click();
    await page.locator('.ag-row[row-index="0"] [col-id="name"]').click();
    await page.keyboard.press('Control+f');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');

    await page.locator('.ag-row[row-index="1"] [col-id="name"]').click();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    const card = page.getByTestId('customer-card');
    await card.waitFor();
    const real = env.core.sqlite.prepare('SELECT name FROM customers WHERE id = 1').pluck().get() as string;
    expect(await card.locator('.toolbar-title').textContent()).toBe(real);
    await page.getByTestId('card-phones').waitFor();
    await page.getByTestId('card-complaints').getByText('暂无记录').waitFor();
    // The tab is named after the row that opened it (the stand-in's name), and the list stays open beside it.
    expect(await page.getByRole('tab').count()).toBe(2);
    await screenshot(page, 'customer-card');

    await card.getByRole('button', { name: '编辑' }).click();
    await page.getByTestId('customer-form').waitFor();
    expect(await page.getByTestId('customer-form').getByLabel('客户姓名').inputValue()).toBe(real);
    await screenshot(page, 'customer-edit');
  });
});
