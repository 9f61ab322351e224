/**
 * 展厅流量登记 against the real server on a small demo database: a consultant counts walk-ins,
 * registers a visitor (which creates the customer and an opportunity), sees both in the visits list
 * and the daily traffic table, and books a test drive (a past time is explained).
 */
import { describe, expect, it } from 'vitest';
import { loginToShell, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(2_000);

describe('showroom traffic (real server)', () => {
  it('walk-in batches and a registered visit show in the visits list and the daily traffic table', async () => {
    const { page } = env.tp;
    const db = env.core.sqlite;
    const sales1 = db.prepare("SELECT id FROM users WHERE username = 'sales1'").pluck().get() as number;
    await loginToShell(page, env.url, 'sales1', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '展厅流量登记' }).click();
    const screen = page.getByTestId('showroom-screen');
    await page.getByTestId('walkin-sagitar-plus').waitFor();

    // Today as the server sees it (the dealer's time zone), and sales1's walk-ins so far.
    const today = (await page.evaluate(async () => {
      const r = await fetch('/api/showroom.today', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return ((await r.json()) as { value: { date: string } }).value.date;
    })) as string;
    const walkIns = () => db.prepare('SELECT coalesce(sum(count), 0) FROM walk_in_batches WHERE consultant_id = ? AND visit_date = ?').pluck().get(sales1, today) as number;
    const before = walkIns();

    // Two taps on + for 速腾, then 3 typed for 迈腾: three batches.
    await page.getByTestId('walkin-sagitar-plus').click();
    await expect.poll(walkIns).toBe(before + 1);
    await page.getByTestId('walkin-sagitar-plus').click();
    await expect.poll(walkIns).toBe(before + 2);
    const magotan = page.getByTestId('walkin-magotan-count');
    const magotanBefore = Number(await magotan.inputValue());
    await magotan.fill(String(magotanBefore + 3));
    await magotan.press('Enter');
    await expect.poll(walkIns).toBe(before + 5);
    expect(Number(await page.getByTestId('walkin-magotan-count').inputValue())).toBe(magotanBefore + 3);
    await screenshot(page, 'showroom-entry');

    // 登记来访: mode 2 is a first visit (shown read-only), a new phone creates the customer.
    // A mobile number no demo customer has (the demo data depends on the day it is seeded).
    let phone = '';
    for (let n = 13987650123; !phone; n++) if (!db.prepare('SELECT 1 FROM customer_phones WHERE normalized = ?').get(`86${n}`)) phone = String(n);
    await page.getByTestId('visit-new').click();
    const form = page.getByTestId('visit-form');
    await form.getByLabel('客户姓名').fill('展厅测试客');
    await form.getByLabel('电话').fill(phone);
    await form.getByLabel('模式').selectOption('3');
    expect(await page.getByTestId('visit-first').inputValue()).toBe('否');
    await form.getByLabel('模式').selectOption('2');
    expect(await page.getByTestId('visit-first').inputValue()).toBe('是');
    await form.getByLabel('意向车型').selectOption('magotan');
    await screenshot(page, 'showroom-visit-form');
    await page.getByTestId('visit-save').click();
    await form.waitFor({ state: 'detached' });

    const visit = db.prepare("SELECT v.*, c.owner_id AS ownerId FROM showroom_visits v JOIN customers c ON c.id = v.customer_id WHERE v.name = '展厅测试客'").get() as Record<string, unknown>;
    expect(visit).toMatchObject({ consultant_id: sales1, visit_mode: 2, first_visit: 1, late: 0, interested_model: 'magotan', ownerId: sales1, visit_date: today });
    expect(db.prepare('SELECT source, status, consultant_id AS c FROM opportunities WHERE id = ?').get(visit.opportunity_id)).toEqual({ source: 'showroom', status: 'open', c: sales1 });
    // The new customer's card opened; back to the traffic screen.
    await page.getByTestId('customer-card').locator('.toolbar-title', { hasText: '展厅测试客' }).waitFor();
    await page.getByRole('treeitem', { name: '展厅流量登记' }).click();
    const visitCell = screen.locator('.ag-row [col-id="name"]', { hasText: '展厅测试客' }).first();
    await visitCell.waitFor();
    // Double-click the visit: 已订车 is recorded later, only that flag is sent.
    await visitCell.dblclick();
    await page.getByTestId('visit-flags').getByLabel('已订车').check();
    await page.getByTestId('visit-flags-save').click();
    await page.getByTestId('visit-flags').waitFor({ state: 'detached' });
    expect(db.prepare('SELECT ordered, delivered, test_drive AS td FROM showroom_visits WHERE id = ?').get(visit.id)).toEqual({ ordered: 1, delivered: 0, td: 0 });

    // 日报: today's row for sales1 has the walk-ins and the first visit.
    await page.getByRole('tab', { name: '日报' }).click();
    const expectFirst = db.prepare('SELECT sum(first_visit) FROM showroom_visits WHERE consultant_id = ? AND visit_date = ?').pluck().get(sales1, today) as number;
    // One consultant (sales1) sees one row per day: today's.
    await page.getByTestId('traffic-daily').locator('tbody tr', { hasText: today }).first().waitFor();
    const cells = await page.getByTestId('traffic-daily').locator('tbody tr', { hasText: today }).first().locator('td').allTextContents();
    expect(cells.slice(2, 6).map(Number)).toEqual([before + 5, expectFirst, expect.any(Number), expectFirst]);
    await page.getByTestId('traffic-rates').getByText('合计').waitFor();
    await screenshot(page, 'showroom-daily-report');
  });

  it('a test drive booked in the past is explained; a later slot is booked and listed under its car', async () => {
    const { page } = env.tp;
    await loginToShell(page, env.url, 'sales1', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '展厅流量登记' }).click();
    await page.getByRole('tab', { name: '试乘试驾' }).click();
    const panel = page.getByTestId('test-drive');
    const car = env.core.sqlite.prepare("SELECT id FROM test_drive_vehicles WHERE active = 1 AND model = 'sagitar'").pluck().get() as number;
    const customer = env.core.sqlite.prepare("SELECT name FROM customers WHERE owner_id = (SELECT id FROM users WHERE username = 'sales1') AND length(name) = 3 ORDER BY id LIMIT 1").pluck().get() as string;
    await page.getByTestId(`td-car-${car}`).waitFor();
    const form = page.getByTestId('td-form');
    await form.getByLabel('试驾车').selectOption(String(car));
    await form.getByRole('combobox', { name: '客户搜索' }).fill(customer);
    await page.getByTestId('search-hit').filter({ hasText: customer }).first().click();
    await page.getByTestId('td-customer').getByText(customer).waitFor();
    await form.getByLabel('开始时间').fill('00:00');
    await form.getByLabel('结束时间').fill('00:30');
    await page.getByTestId('td-book').click();
    await form.getByText('不能预约已经过去的时间').waitFor();

    // Tomorrow (dealer's day) at 23:00–23:30: free on a fresh demo database.
    const tomorrow = await page.evaluate(async () => {
      const r = await fetch('/api/showroom.today', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      const d = ((await r.json()) as { value: { date: string } }).value.date;
      return new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    });
    await panel.getByLabel('日期').fill(tomorrow);
    await form.getByLabel('开始时间').fill('23:00');
    await form.getByLabel('结束时间').fill('23:30');
    await page.getByTestId('td-book').click();
    await page.getByTestId(`td-car-${car}`).getByText('23:00–23:30').waitFor();
    await screenshot(page, 'showroom-test-drive');
  });

  it('a manager lists the team’s late entries (more than 24 h after the visit) with one tick', async () => {
    const { page } = env.tp;
    const db = env.core.sqlite;
    const manager = db.prepare("SELECT id FROM users WHERE username = 'manager'").pluck().get() as number;
    const late = db
      .prepare(
        `SELECT count(*) FROM showroom_visits WHERE late = 1 AND (consultant_id = ? OR consultant_id IN (
           SELECT id FROM users WHERE team_id IN (SELECT id FROM teams WHERE manager_id = ? UNION SELECT team_id FROM users WHERE id = ?)))`,
      )
      .pluck()
      .get(manager, manager, manager) as number;
    expect(late).toBeGreaterThan(0);
    await loginToShell(page, env.url, 'manager', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '展厅流量登记' }).click();
    const screen = page.getByTestId('showroom-screen');
    await screen.locator('.ag-row').first().waitFor();
    await page.getByTestId('late-only').check();
    await screen.getByText(`共 ${late.toLocaleString()} 条`).waitFor();
    await screenshot(page, 'showroom-late-entries');
  });

  it('the general manager, who leads no team, opens the visits list on 全部 (it was refused on 本组) and 潜在客户 on 全部 too', async () => {
    const { page } = env.tp;
    const db = env.core.sqlite;
    const all = db.prepare('SELECT count(*) FROM showroom_visits').pluck().get() as number;
    await loginToShell(page, env.url, 'gm', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '展厅流量登记' }).click();
    const screen = page.getByTestId('showroom-screen');
    await screen.getByText(`共 ${all.toLocaleString()} 条`).waitFor();
    expect(await screen.getByRole('radio', { name: '全部客户' }).getAttribute('aria-checked')).toBe('true');
    expect(await screen.getByRole('radio', { name: '本组' }).count()).toBe(0);
    expect(await page.getByText('您的角色无权执行此操作').count()).toBe(0);
    await screenshot(page, 'showroom-gm-all');
    await page.getByRole('treeitem', { name: '潜在客户' }).click();
    const prospects = page.getByTestId('prospects-screen');
    await prospects.locator('.ag-row').first().waitFor();
    expect(await prospects.getByRole('radio', { name: '全部客户' }).getAttribute('aria-checked')).toBe('true');
    expect(await page.getByText('您的角色无权执行此操作').count()).toBe(0);
  });
});
