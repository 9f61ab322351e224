/**
 * 客户去重 against the real server on a small demo database with a planted duplicate (the same
 * person typed twice with two owners' worth of records): 重新查找 finds the group, 合并… shows both
 * side by side, the name is taken from the merged record, 合并 moves its records to the kept customer,
 * the group is gone, and the old customer id still opens the kept customer.
 */
import { describe, expect, it } from 'vitest';
import { apiFromPage, loginToShell, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(300);

describe('客户去重 (real server)', () => {
  it('finds the duplicate, merges it side by side, and the old id opens the kept customer', async () => {
    const { page } = env.tp;
    const sqlite = env.core.sqlite;
    const owner = sqlite.prepare("SELECT id FROM users WHERE role = 'salesConsultant' ORDER BY id LIMIT 1").pluck().get() as number;
    const add = (name: string, phone: string, city: string | null) => {
      const id = Number(sqlite.prepare('INSERT INTO customers (name, city, owner_id, created_at, updated_at) VALUES (?, ?, ?, 0, 0)').run(name, city, owner).lastInsertRowid);
      sqlite.prepare("INSERT INTO customer_phones (customer_id, raw, normalized, kind, is_primary) VALUES (?, ?, ?, 'mobile', 1)").run(id, phone, `86${phone}`);
      return id;
    };
    const kept = add('欧阳明', '17766665555', null);
    const merged = add('欧阳明明', '17766665555', '大连');
    sqlite.prepare("INSERT INTO vehicles (customer_id, vin, model, created_at, updated_at) VALUES (?, 'LFV2A21K8N3999991', 'magotan', 0, 0)").run(merged);

    await loginToShell(page, env.url, 'admin', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '客户去重' }).click();
    const screen = page.getByTestId('dedupe-screen');
    await screen.getByTestId('dedupe-scan').click();
    const row = screen.getByRole('row').filter({ hasText: '欧阳明明' });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.locator('td').first().textContent()).toBe('相同电话');
    await screenshot(page, 'dedupe-list');
    await row.getByRole('button', { name: '合并…' }).click();

    const dialog = page.getByTestId('merge-dialog');
    await dialog.getByTestId('merge-field-name').waitFor();
    // The city the kept record lacks comes from the merged one unless picked otherwise; the name is picked.
    expect(await dialog.getByTestId('pick-city-merged').isChecked()).toBe(true);
    await dialog.getByTestId('pick-name-merged').check();
    await dialog.getByText('LFV2A21K8N3999991').waitFor();
    await screenshot(page, 'dedupe-merge');
    await page.getByTestId('merge-submit').click();
    await page.getByText(/^已合并到 欧阳明明:\d+ 条记录已转移/).waitFor();
    await row.waitFor({ state: 'detached' });

    expect(sqlite.prepare('SELECT name, city FROM customers WHERE id = ?').get(kept)).toEqual({ name: '欧阳明明', city: '大连' });
    expect(sqlite.prepare('SELECT customer_id FROM vehicles WHERE vin = ?').pluck().get('LFV2A21K8N3999991')).toBe(kept);
    const card = (await apiFromPage(page, 'customers.get', { id: merged })).body as unknown as { ok: boolean; value: { id: number; name: string } };
    expect(card.value).toMatchObject({ id: kept, name: '欧阳明明' });
    await screenshot(page, 'dedupe-after');
  });
});
