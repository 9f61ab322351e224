/**
 * CSI / SSI low scores to the agent's workbench, and the advisor's repair order, against the real
 * server on a small demo database: the CS manager imports the manufacturer's file (a low SSI score
 * becomes a 低分跟进), the agent's follow-up refuses "已跟进" alone, 修复中 with a real description
 * plans the next follow-up 3 days on, and a service advisor records a repair order from the workbench.
 */
import { describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../electron/common/dates';
import { loginToShell, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(1_000);
const sq = <T>(q: string, ...p: unknown[]) => env.core.sqlite.prepare(q).get(...p) as T;
const today = () => todayIn('Asia/Shanghai', Date.now());
const COMMENT = '保养后异响仍在, 等了两小时';

describe('low-score follow-ups and repair orders (real server)', () => {
  let taskId = 0;

  it('the CS manager imports the manufacturer’s SSI results: the low score becomes a follow-up due in 3 days', async () => {
    const { page } = env.tp;
    const v = sq<{ vin: string; customerId: number }>('SELECT vin, customer_id AS customerId FROM vehicles ORDER BY id LIMIT 1');
    const csv = `\uFEFF车架号,调查类型,调查日期,分数,是否不满意,客户意见\r\n${v.vin},SSI,${today()},60,否,"${COMMENT}"\r\n,SSI,${today()},95,否,\r\n`;
    await loginToShell(page, env.url, 'csmanager', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '满意度调查' }).click();
    const box = page.getByTestId('survey-import');
    const agent = sq<{ id: number }>("SELECT id FROM users WHERE username = 'service1'").id;
    await box.getByTestId('survey-assignee').selectOption(String(agent));
    await box.locator('input[type=file]').setInputFiles({ name: 'ssi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await box.getByTestId('survey-import-go').click();
    const report = box.getByTestId('survey-import-report');
    await report.getByText('生成低分跟进 1 条').waitFor();
    expect(await report.textContent()).toContain('共 2 行:新增 1,已存在 0,有问题 1');
    await report.getByText('车架号、车牌、电话都找不到对应客户').waitFor();
    await page.locator('.ag-row [col-id="comment"]', { hasText: COMMENT }).waitFor();
    await screenshot(page, 'surveys-imported');

    const task = sq<{ id: number; due: string; customerId: number; assignee: number }>(
      "SELECT id, due_date AS due, customer_id AS customerId, assignee_id AS assignee FROM tasks WHERE kind = 'low_score' AND ref_type = 'survey' ORDER BY id DESC LIMIT 1",
    );
    expect(task).toMatchObject({ due: addDays(today(), 3), customerId: v.customerId, assignee: agent });
    taskId = task.id;
  });

  it('the agent’s follow-up refuses “已跟进” alone; 修复中 with a real description leaves a follow-up due 3 days later', async () => {
    const { page } = env.tp;
    await loginToShell(page, env.url, 'service1', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '客服工作台' }).click();
    const rows = page.getByTestId('workbench-rows');
    const row = rows.locator('tr', { hasText: COMMENT });
    await row.getByTestId('task-outcome').click();
    const dlg = page.getByRole('dialog');
    await dlg.getByTestId('outcome-note').fill('已跟进');
    await dlg.getByTestId('outcome-save').click();
    await dlg.getByText('“已跟进”或“未接通”不算跟进').first().waitFor();
    expect(sq<{ status: string }>('SELECT status FROM tasks WHERE id = ?', taskId).status).toBe('open');

    await dlg.getByTestId('outcome-kind').selectOption('repairing');
    expect(await dlg.getByTestId('outcome-next-due').inputValue()).toBe(addDays(today(), 3));
    await dlg.getByTestId('outcome-note').fill('已安排客户明天返厂复检异响,更换减震器待配件');
    await screenshot(page, 'workbench-low-score-repairing');
    await dlg.getByTestId('outcome-save').click();
    await dlg.waitFor({ state: 'detached' });
    expect(sq<{ status: string; result: string }>('SELECT status, result FROM tasks WHERE id = ?', taskId)).toEqual({ status: 'done', result: 'repairing' });
    const next = sq<{ id: number; due: string; status: string; reason: string }>("SELECT id, due_date AS due, status, reason FROM tasks WHERE kind = 'low_score' AND id > ? ORDER BY id DESC LIMIT 1", taskId);
    expect(next).toMatchObject({ due: addDays(today(), 3), status: 'open' });
    expect(next.reason).toContain('修复中');
    // The next follow-up is on the list (a deadline 3 days on), not overdue.
    const again = rows.locator('tr', { hasText: '修复中' });
    await again.waitFor();
    expect(await again.textContent()).toContain(addDays(today(), 3));
    expect(await again.textContent()).not.toContain('逾期');
    await screenshot(page, 'workbench-after-repairing');

    // The repair done: a real description closes it.
    await again.getByTestId('task-outcome').click();
    await dlg.getByTestId('outcome-note').fill('复检确认异响消除,客户表示满意');
    await dlg.getByTestId('outcome-save').click();
    await again.waitFor({ state: 'detached' });
    expect(sq<{ status: string; result: string }>('SELECT status, result FROM tasks WHERE id = ?', next.id)).toEqual({ status: 'done', result: 'done' });
  });

  it('a 招揽任务 on the workbench: 招揽成功 is refused without a visit in the window; 招揽失败 takes a reason from the list', async () => {
    const { page } = env.tp;
    const agent = sq<{ id: number }>("SELECT id FROM users WHERE username = 'service1'").id;
    const v = sq<{ id: number; customerId: number; name: string }>(
      'SELECT v.id, v.customer_id AS customerId, c.name FROM vehicles v JOIN customers c ON c.id = v.customer_id WHERE NOT EXISTS (SELECT 1 FROM service_visits s WHERE s.vehicle_id = v.id AND s.date >= ?) ORDER BY v.id LIMIT 1',
      addDays(today(), -10),
    );
    const id = Number(
      env.core.sqlite
        .prepare("INSERT INTO solicitation_tasks (natural_key, kind, customer_id, vehicle_id, window_start, window_end, status, assignee_id, created_at, updated_at) VALUES ('e2e-sol', 'regular_service', ?, ?, ?, ?, 'in_progress', ?, ?, ?)")
        .run(v.customerId, v.id, addDays(today(), -10), addDays(today(), 10), agent, Date.now(), Date.now()).lastInsertRowid,
    );
    await loginToShell(page, env.url, 'service1', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '客服工作台' }).click();
    const row = page.getByTestId('workbench-rows').locator('tr', { hasText: v.name });
    expect(await row.textContent()).toContain(`常规保养 · 招揽期 ${addDays(today(), -10)} 至 ${addDays(today(), 10)}`);
    await row.getByTestId('solicitation-outcome').click();
    const dlg = page.getByRole('dialog');
    await dlg.getByTestId('sol-outcome-kind').selectOption('succeeded');
    await dlg.getByTestId('sol-outcome-save').click();
    await dlg.getByText('没有该车进厂记录').waitFor();
    await dlg.getByTestId('sol-outcome-kind').selectOption('failed');
    await dlg.getByTestId('sol-outcome-save').click();
    await dlg.getByText('招揽失败须填写原因').waitFor();
    await dlg.getByTestId('sol-fail-reason').selectOption('other_dealer');
    await screenshot(page, 'workbench-solicitation-outcome');
    await dlg.getByTestId('sol-outcome-save').click();
    await dlg.waitFor({ state: 'detached' });
    await row.waitFor({ state: 'detached' });
    expect(sq<{ status: string; reason: string }>('SELECT status, fail_reason AS reason FROM solicitation_tasks WHERE id = ?', id)).toEqual({ status: 'failed', reason: 'other_dealer' });
  });

  it('a service advisor records a repair order from the workbench: the vehicle’s next service date moves', async () => {
    const { page } = env.tp;
    const v = sq<{ id: number; plate: string; mileage: number | null; mileageDate: string | null }>(
      "SELECT id, plate, mileage, mileage_date AS mileageDate FROM vehicles WHERE plate IS NOT NULL AND delivery_date < date('now', '-60 days') ORDER BY id DESC LIMIT 1",
    );
    await loginToShell(page, env.url, 'advisor1', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '客服工作台' }).click();
    await page.getByTestId('workbench-appointments').waitFor();
    await page.getByTestId('visit-record').click();
    const dlg = page.getByRole('dialog');
    await dlg.getByTestId('visit-find').fill(v.plate);
    await dlg.getByTestId('visit-find-go').click();
    await dlg.getByTestId('visit-vehicle').waitFor();
    await dlg.getByTestId('visit-mileage').fill(String((v.mileage ?? 0) + 1_500));
    await screenshot(page, 'workbench-record-visit');
    await dlg.getByTestId('visit-save').click();
    await dlg.waitFor({ state: 'detached' });
    const saved = sq<{ date: string; advisor: string; next: string | null; last: string }>(
      "SELECT s.date, u.username AS advisor, v.next_service_date AS next, v.last_service_date AS last FROM service_visits s JOIN users u ON u.id = s.advisor_id JOIN vehicles v ON v.id = s.vehicle_id WHERE s.vehicle_id = ? ORDER BY s.id DESC LIMIT 1",
      v.id,
    );
    expect(saved).toMatchObject({ date: today(), advisor: 'advisor1', last: today() });
    expect(saved.next! > today()).toBe(true);
    await screenshot(page, 'workbench-advisor');

    // The DMS export: the same RO twice in one file is saved once; a bad row is named by its number.
    await page.getByTestId('visit-import').click();
    const box = page.getByTestId('ro-import');
    const csv = `\uFEFF工单号,车牌,进厂日期,维修类型,进厂里程\r\nDMS-E2E-1,${v.plate},${today()},维修,\r\nDMS-E2E-1,${v.plate},${today()},维修,\r\nDMS-E2E-2,粤Z00000,${today()},保养,\r\n`;
    await box.locator('input[type=file]').setInputFiles({ name: 'dms.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await box.getByTestId('ro-import-go').click();
    await box.getByTestId('ro-import-report').getByText('共 3 行:新增 1,已存在 1,有问题 1。').waitFor();
    await box.getByText('找不到该车辆').waitFor();
    await screenshot(page, 'workbench-ro-import');
  });
});
