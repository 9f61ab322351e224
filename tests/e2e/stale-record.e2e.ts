/**
 * Two users edit one customer at the same time (issue 15), in two browser pages against the real
 * server: a consultant and their sales manager open the same customer's form; the consultant saves
 * first; the manager's save is refused with 该记录已被他人修改 and the saved values next to what the
 * manager typed — nothing of it written, nothing typed lost. After loading the current values the
 * manager re-enters their change and saves on the current version.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginToShell, openPage, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(2_000);

/** Quick find → Enter opens the card → 编辑 opens the form. */
async function openForm(page: Page, name: string) {
  await page.getByRole('treeitem', { name: '我的客户' }).click();
  await page.locator('.ag-row[row-index="0"]').waitFor();
  await page.keyboard.press('Control+f');
  await page.keyboard.type(name, { delay: 30 });
  await page.getByTestId('search-hit').filter({ hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  const card = page.getByTestId('customer-card');
  await card.locator('.toolbar-title', { hasText: name }).waitFor();
  await card.getByRole('button', { name: '编辑' }).click();
  return page.getByTestId('customer-form');
}

describe('two users editing one customer (real server)', () => {
  it('the second save of a stale form shows 该记录已被他人修改 with the current values, keeps what was typed, and saves once re-entered', async () => {
    const sq = env.core.sqlite;
    // A customer of consultant sales1, whose team the manager leads: both may edit it.
    const c = sq
      .prepare(
        `SELECT c.id, c.name, c.city FROM customers c JOIN users u ON u.id = c.owner_id
          WHERE u.username = 'sales1' AND length(c.name) = 3 AND c.city IS NOT NULL AND c.city NOT IN ('佛山', '东莞')
            AND (SELECT count(*) FROM customers d WHERE d.name = c.name) = 1 ORDER BY c.id LIMIT 1`,
      )
      .get() as { id: number; name: string; city: string };
    const versionOf = () => sq.prepare('SELECT version FROM customers WHERE id = ?').pluck().get(c.id) as number;
    const v0 = versionOf();

    const consultant = env.tp.page;
    const second = await openPage(env.browser);
    const manager = second.page;
    try {
      await loginToShell(consultant, env.url, 'sales1', DEMO_PASSWORD);
      await loginToShell(manager, env.url, 'manager', DEMO_PASSWORD);
      const formA = await openForm(consultant, c.name);
      const formB = await openForm(manager, c.name);

      // The consultant saves first.
      await formA.getByLabel('城市').fill('佛山');
      await consultant.getByTestId('customer-save').click();
      await formA.waitFor({ state: 'detached' });
      expect(sq.prepare('SELECT city, version FROM customers WHERE id = ?').get(c.id)).toEqual({ city: '佛山', version: v0 + 1 });

      // The manager's form still holds the copy loaded before that save.
      await formB.getByLabel('城市').fill('东莞');
      await formB.getByLabel('地址').fill('南城区鸿福路 1 号');
      await manager.getByTestId('customer-save').click();
      const notice = manager.getByTestId('stale-notice');
      await notice.getByText('该记录已被他人修改,请查看最新内容后再保存').waitFor();
      const city = notice.getByTestId('stale-field-city');
      expect(await city.getByTestId('stale-theirs').textContent()).toBe('佛山');
      expect(await city.getByTestId('stale-mine').textContent()).toBe('东莞');
      expect(await notice.getByTestId('stale-field-address').getByTestId('stale-mine').textContent()).toBe('南城区鸿福路 1 号');
      // The city is what the other save changed; the address differs only by what the manager typed.
      expect(await city.getByText('已被他人修改').count()).toBe(1);
      expect(await notice.getByTestId('stale-field-address').getByText('已被他人修改').count()).toBe(0);
      // Nothing of the refused save was written, and nothing the manager typed was lost.
      expect(sq.prepare('SELECT city, version FROM customers WHERE id = ?').get(c.id)).toEqual({ city: '佛山', version: v0 + 1 });
      expect(await formB.getByLabel('城市').inputValue()).toBe('东莞');
      await screenshot(manager, 'stale-record-refused');

      // Load the current values: the form shows them, the manager's typed ones stay listed.
      await notice.getByTestId('stale-use-latest').click();
      expect(await formB.getByLabel('城市').inputValue()).toBe('佛山');
      await notice.getByText('您原先填写的内容仍列在右栏').waitFor();
      expect(await city.getByTestId('stale-mine').textContent()).toBe('东莞');
      await screenshot(manager, 'stale-record-latest-loaded');

      // Re-entered on the current version, the manager's address goes through; the city stays 佛山.
      await formB.getByLabel('地址').fill('南城区鸿福路 1 号');
      await manager.getByTestId('customer-save').click();
      await formB.waitFor({ state: 'detached' });
      expect(sq.prepare('SELECT city, address, version FROM customers WHERE id = ?').get(c.id)).toEqual({ city: '佛山', address: '南城区鸿福路 1 号', version: v0 + 2 });
      expect(second.errors.map(String)).toEqual([]);
    } finally {
      await second.context.close();
    }
  });

  it('a complaint closed by the agent: the manager’s close on the older copy is refused, shows the locked result, and keeps what the manager typed', async () => {
    const sq = env.core.sqlite;
    const agent = sq.prepare("SELECT id FROM users WHERE username = 'service1'").pluck().get() as number;
    const customerId = sq.prepare('SELECT id FROM customers ORDER BY id LIMIT 1').pluck().get() as number;
    const description = '保养后刹车异响(并发测试)';
    const id = Number(
      sq
        .prepare("INSERT INTO complaints (source, category, customer_id, description, assignee_id, status, created_at, updated_at) VALUES ('phone', 'repair', ?, ?, ?, 'assigned', ?, ?)")
        .run(customerId, description, agent, Date.now(), Date.now()).lastInsertRowid,
    );
    const openPanel = async (page: Page, user: string) => {
      await loginToShell(page, env.url, user, DEMO_PASSWORD);
      await page.getByRole('treeitem', { name: '投诉建议' }).click();
      await page.locator('.ag-row [col-id="description"]', { hasText: description }).dblclick();
      const panel = page.getByTestId('complaint-panel');
      await panel.getByTestId('complaint-status').getByText('已分派').waitFor();
      return panel;
    };
    const second = await openPage(env.browser);
    try {
      const panelA = await openPanel(env.tp.page, 'service1');
      const panelB = await openPanel(second.page, 'csmanager');

      await panelA.getByTestId('complaint-result').fill('已更换刹车片,客户满意');
      await panelA.getByTestId('complaint-close').click();
      await panelA.getByTestId('complaint-status').getByText('已结案').waitFor();

      await panelB.getByTestId('complaint-result').fill('客户接受解释');
      await panelB.getByTestId('complaint-close').click();
      const notice = second.page.getByTestId('stale-notice');
      await notice.getByText('该记录已被他人修改,请查看最新内容后再保存').waitFor();
      const status = notice.getByTestId('stale-field-status');
      expect(await status.getByTestId('stale-theirs').textContent()).toBe('已结案');
      expect(await status.getByText('已被他人修改').count()).toBe(1);
      const result = notice.getByTestId('stale-field-result');
      expect(await result.getByTestId('stale-theirs').textContent()).toBe('已更换刹车片,客户满意');
      expect(await result.getByTestId('stale-mine').textContent()).toBe('客户接受解释');
      // The panel now shows the closed complaint: locked result, no 结案 button.
      await panelB.getByTestId('complaint-status').getByText('已结案').waitFor();
      expect(await panelB.getByTestId('complaint-result').inputValue()).toBe('已更换刹车片,客户满意');
      expect(await panelB.getByTestId('complaint-close').count()).toBe(0);
      await screenshot(second.page, 'stale-record-complaint');
      expect(sq.prepare('SELECT status, result, closed_by FROM complaints WHERE id = ?').get(id)).toEqual({ status: 'closed', result: '已更换刹车片,客户满意', closed_by: agent });
      expect(sq.prepare("SELECT count(*) FROM complaint_history WHERE complaint_id = ? AND action = 'close'").pluck().get(id)).toBe(1);
      expect(second.errors.map(String)).toEqual([]);
    } finally {
      await second.context.close();
    }
  });
});
