/** Customer screens on a 100,000-customer demo database: quick find by 4 phone digits opens the card; create with the duplicate-phone warning and field messages. */
import { describe, expect, it } from 'vitest';
import { formatPhone } from '../../electron/common/phone';
import { loginToShell, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp();

/** A customer of sales1's (the consultant may open it) with its primary phone. */
function customerOfSales1(): { id: number; name: string; raw: string; normalized: string } {
  return env.core.sqlite
    .prepare(
      `SELECT c.id, c.name, p.raw, p.normalized FROM customers c
       JOIN customer_phones p ON p.customer_id = c.id AND p.is_primary = 1
       JOIN users u ON u.id = c.owner_id WHERE u.username = 'sales1' AND length(p.normalized) >= 11
       ORDER BY c.id LIMIT 1`,
    )
    .get() as { id: number; name: string; raw: string; normalized: string };
}

describe('customers (100,000 customers)', () => {
  it('finds a customer by 4 digits of a phone number while typing, highlights them, and opens the card', async () => {
    const { page } = env.tp;
    const c = customerOfSales1();
    // the last 4 digits, as a caller reads them out; the customer must be among the hits
    const fragment = c.normalized.slice(-4);
    await loginToShell(page, env.url, 'sales1', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '我的客户' }).click();
    await page.locator('.ag-row[row-index="0"]').waitFor();
    await page.keyboard.press('Control+f');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await page.keyboard.type(fragment);
    await page.getByTestId('search-hit').first().waitFor();
    const hit = page.getByTestId('search-hit').filter({ hasText: c.name });
    await hit.first().waitFor();
    expect((await hit.first().locator('mark').first().textContent())?.replace(/\D/g, '')).toBe(fragment);
    await screenshot(page, 'customer-search');
    await hit.first().click();
    const card = page.getByTestId('customer-card');
    await card.waitFor();
    expect(await card.locator('.toolbar-title').textContent()).toBe(c.name);
    // shown in one readable form (138 0013 8000), whatever was typed
    expect(await page.getByTestId('card-phones').textContent()).toContain(formatPhone(c.normalized));
    await page.getByTestId('card-complaints').getByText('暂无记录').waitFor();
    await screenshot(page, 'customer-card');
  });

  it('create: a taken phone warns with a link to its owner; a bad ID number is shown under its field', async () => {
    const { page } = env.tp;
    const c = customerOfSales1();
    await loginToShell(page, env.url, 'sales1', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '我的客户' }).click();
    await page.getByRole('button', { name: '新建客户' }).click();
    const form = page.getByTestId('customer-form');
    await form.getByLabel('客户姓名').fill('测试客户');
    await form.getByLabel('手机/电话').fill(c.raw);
    const dup = page.getByTestId('phone-duplicate');
    await dup.waitFor();
    expect(await dup.textContent()).toContain(c.name);
    await form.getByLabel('身份证号').fill('110101199003071234');
    await page.getByTestId('customer-save').click();
    await form.locator('.field.has-error').first().waitFor();
    await screenshot(page, 'customer-form-errors');
    await dup.getByRole('button', { name: c.name }).click();
    await page.getByTestId('customer-card').locator('.toolbar-title', { hasText: c.name }).waitFor();
  });
});
