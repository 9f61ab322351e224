/**
 * 决策分析 → 厂家漏斗核对 against the real server: the manufacturer's export as Chinese Excel saves it
 * (GBK CSV) for November, checked against the showroom visits recorded here — the summary, a visit
 * recorded with another 首次 answer listed as different, a visit missing here, one missing there —
 * and a row of ours opens the customer's card.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeGbk } from '../support/gbk';
import { loginToShell, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(200);

describe('厂家漏斗核对 (real server)', () => {
  it('lists what differs, what is missing on each side, and opens the customer', async () => {
    const { page } = env.tp;
    const sqlite = env.core.sqlite;
    const customer = sqlite.prepare('SELECT c.id, c.name FROM customers c ORDER BY c.id LIMIT 1').get() as { id: number; name: string };
    const consultant = sqlite.prepare("SELECT id FROM users WHERE role = 'salesConsultant' ORDER BY id LIMIT 1").pluck().get() as number;
    // Only these visits in the period: the demo's own showroom visits are moved out of it.
    sqlite.prepare("UPDATE showroom_visits SET visit_date = '2025-01-01'").run();
    const visit = sqlite.prepare('INSERT INTO showroom_visits (customer_id, name, phone, consultant_id, visit_date, first_visit, visit_mode, created_at) VALUES (?, ?, ?, ?, ?, ?, 1, 0)');
    visit.run(customer.id, customer.name, '13911110001', consultant, '2026-11-03', 1);
    visit.run(null, '林小雨', '13911110002', consultant, '2026-11-04', 1);
    visit.run(null, '何大山', '13911110003', consultant, '2026-11-05', 1);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dscrm-e2e-rc-')), '销售漏斗导出.csv');
    fs.writeFileSync(
      file,
      encodeGbk(['客户姓名,联系电话,到店日期,是否首次', `${customer.name},139 1111 0001,2026/11/3,否`, '林小雨,13911110002,2026年11月4日,是', '孔一凡,13911110009,2026-11-06,是'].join('\r\n')),
    );

    await loginToShell(page, env.url, 'admin', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '厂家漏斗核对' }).click();
    const screen = page.getByTestId('reconcile-screen');
    await screen.getByTestId('reconcile-file').setInputFiles(file);
    await screen.getByTestId('reconcile-from').fill('2026-11-01');
    await screen.getByTestId('reconcile-to').fill('2026-11-30');
    await screen.getByTestId('reconcile-run').click();
    await screen.getByTestId('reconcile-summary').getByText('厂家 3 条(期间外 0 条,无法识别 0 条)· 本店 3 条 · 一致 1 · 不一致 1 · 仅厂家有 1 · 仅本店有 1').waitFor();
    const different = screen.getByTestId('reconcile-different-2');
    expect(await different.locator('.reconcile-diff').textContent()).toBe('是否首次');
    await screen.getByRole('row').filter({ hasText: '孔一凡' }).waitFor();
    await screen.getByRole('row').filter({ hasText: '何大山' }).waitFor();
    await screenshot(page, 'reconcile');
    await different.getByRole('button', { name: '打开客户' }).click();
    await page.getByRole('tab', { name: new RegExp(customer.name) }).waitFor();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
