/** Customer screens on a 100,000-customer demo database: a grid row opens the customer's card. */
import { describe, expect, it } from 'vitest';
import { loginToShell, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp();

describe('customers (100,000 customers)', () => {
  it('Enter on a grid row opens its card', async () => {
    const { page } = env.tp;
    await loginToShell(page, env.url, 'sales1', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '我的客户' }).click();
    const firstName = page.locator('.ag-row[row-index="0"] [col-id="name"]');
    await expect.poll(async () => ((await firstName.textContent()) ?? '').trim().length).toBeGreaterThan(0);
    const name = ((await firstName.textContent()) ?? '').trim();
    await page.locator('.ag-row[row-index="0"] [col-id="name"]').click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    const card = page.getByTestId('customer-card');
    await card.locator('.toolbar-title', { hasText: name }).waitFor();
    // the tab is named after the customer; the list stays open beside it
    expect(await page.getByRole('tab').allTextContents()).toEqual(['我的客户', name]);
    await page.getByTestId('card-phones').waitFor();
    await page.getByTestId('card-complaints').getByText('暂无记录').waitFor();
    await screenshot(page, 'customer-card-real');
  });
});
