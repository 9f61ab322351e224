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

  it('quick find answers while typing (stand-in customers.search), highlights the digits, Enter opens the card', async () => {
    const { page } = env.tp;
    await installGridMock(page);
    const real = env.core.sqlite.prepare('SELECT c.id, c.name, p.raw FROM customers c JOIN customer_phones p ON p.customer_id = c.id WHERE c.id = 2').get() as { id: number; name: string; raw: string };
    const asked: string[] = [];
    await page.route(/\/api\/customers\.search$/, async (route) => {
      const q = String((route.request().postDataJSON() as { q: string }).q);
      asked.push(q);
      const value = [{ id: real.id, name: real.name, phone: '138-0013-8000', plate: null, vin: null, city: '长春', ownerName: '张伟', matched: 'phone' }];
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, value }) });
    });
    await loginToShell(page, env.url, 'gm', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '我的客户' }).click();
    await page.locator('.ag-row[row-index="0"]').waitFor();
    await page.keyboard.press('Control+f');
    await page.keyboard.type('3800', { delay: 20 });
    const hit = page.getByTestId('search-hit').first();
    await hit.waitFor();
    // debounced: one request for the whole fragment, not one per key
    expect(asked).toEqual(['3800']);
    // the digits are marked inside the formatted number
    expect((await hit.locator('mark').textContent())?.replace(/\D/g, '')).toBe('3800');
    await page.keyboard.press('Enter');
    await page.getByTestId('customer-card').locator('.toolbar-title', { hasText: real.name }).waitFor();
  });

  it('create: the duplicate-phone warning links to the other card; server field problems show under their fields', async () => {
    const { page } = env.tp;
    await installGridMock(page);
    await page.route(/\/api\/customers\.checkPhone$/, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, value: { normalized: '8613800138000', kind: 'mobile', error: null, owners: [{ id: 3, name: '老客户', canOpen: true }] } }) }),
    );
    await page.route(/\/api\/customers\.create$/, (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: '输入有误', details: { fields: [{ field: 'idNumber', message: '身份证号校验位不正确' }, { field: 'phones[0].raw', message: '号码位数不对' }] } } }),
      }),
    );
    await loginToShell(page, env.url, 'gm', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '我的客户' }).click();
    await page.getByRole('button', { name: '新建客户' }).click();
    const form = page.getByTestId('customer-form');
    await form.getByLabel('客户姓名').fill('测试客户');
    await form.getByLabel('手机/电话').fill('138 0013 8000');
    await page.getByTestId('phone-duplicate').getByRole('button', { name: '老客户' }).waitFor();
    await form.getByLabel('身份证号').fill('110101199003071234');
    await page.getByTestId('customer-save').click();
    await form.getByText('身份证号校验位不正确').waitFor();
    await form.getByText('号码位数不对').waitFor();
    await screenshot(page, 'customer-form-errors');
    await page.getByTestId('phone-duplicate').getByRole('button', { name: '老客户' }).click();
    await page.getByTestId('customer-form').waitFor({ state: 'detached' });
    const name3 = env.core.sqlite.prepare('SELECT name FROM customers WHERE id = 3').pluck().get() as string;
    await page.getByTestId('customer-card').locator('.toolbar-title', { hasText: name3 }).waitFor();
  });
});
