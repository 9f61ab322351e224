/**
 * 任务分配 against the real server: the night's generated tasks wait unassigned; the CS manager
 * ticks one, then selects all matching on the grid and spreads them evenly over two agents, who
 * then find them on their workbenches; two of them made 紧急 come first there, with their badge. An
 * agent does not get the screen and the server refuses them.
 */
import { describe, expect, it } from 'vitest';
import { todayIn } from '../../electron/common/dates';
import { createTasks } from '../../electron/node/features/service/tasks';
import { apiFromPage, loginToShell, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(300);
const today = () => todayIn('Asia/Shanghai', Date.now());
const uid = (username: string) => (env.core.sqlite.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: number }).id;
const byAgent = () =>
  env.core.sqlite
    .prepare("SELECT u.username AS agent, count(*) AS n FROM tasks t JOIN users u ON u.id = t.assignee_id WHERE t.reason = '任务分配测试' GROUP BY u.username ORDER BY u.username")
    .all();

describe('任务分配 (real server)', () => {
  it('the CS manager spreads all unassigned tasks matching the grid over two agents', async () => {
    const { page } = env.tp;
    const customers = env.core.sqlite.prepare('SELECT id FROM customers ORDER BY id LIMIT 9').pluck().all() as number[];
    env.core.sqlite.prepare('UPDATE tasks SET assignee_id = ? WHERE assignee_id IS NULL').run(uid('service3'));
    createTasks(env.core, null, customers.map((customerId) => ({ kind: 'birthday' as const, customerId, dueDate: today(), reason: '任务分配测试' })));

    await loginToShell(page, env.url, 'csmanager', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '任务分配' }).click();
    await page.getByTestId('taskpool-screen').waitFor();
    await page.getByTestId('grid-total').filter({ hasText: '9' }).waitFor();
    await page.locator('.ag-row[row-index="0"] .ag-selection-checkbox input, .ag-row[row-index="0"] input[type="checkbox"]').first().check();
    await page.getByTestId('tp-assign').filter({ hasText: '分配所选 1 条' }).waitFor();
    await page.getByTestId('select-all-matching').click();
    await page.getByTestId('tp-assign').filter({ hasText: '分配所选 9 条' }).click();
    const dlg = page.getByTestId('tp-dialog');
    await page.getByTestId('tp-submit').click();
    await dlg.getByText('请至少选择一位客服顾问').waitFor();
    const name = (u: string) => (env.core.sqlite.prepare('SELECT display_name FROM users WHERE username = ?').pluck().get(u) as string);
    await dlg.getByLabel(name('service1')).check();
    await dlg.getByLabel(name('service2')).check();
    await dlg.getByText('2 位顾问,每人约 5 条').waitFor();
    await screenshot(page, 'taskpool-assign');
    await page.getByTestId('tp-submit').click();
    // Earliest due first, in turn, in the order the agents are listed: shares of 5 and 4.
    const toast = page.getByText(/^已分配 9 条:/);
    await toast.waitFor();
    const shares = byAgent() as { agent: string; n: number }[];
    expect(shares.map((x) => x.agent)).toEqual(['service1', 'service2']);
    expect(shares.map((x) => x.n).sort()).toEqual([4, 5]);
    for (const x of shares) expect(await toast.textContent()).toContain(`${name(x.agent)} ${x.n}`);
    // The pool is empty now.
    await page.getByTestId('grid-total').filter({ hasText: /^\D*0\D*$/ }).waitFor();
    await screenshot(page, 'taskpool-empty');

    // 设优先级: the two newest open tasks (one per agent: handed out in turn) become 紧急.
    await page.getByTestId('tp-preset').selectOption('open');
    for (const i of [0, 1]) await page.locator(`.ag-row[row-index="${i}"] .ag-selection-checkbox input, .ag-row[row-index="${i}"] input[type="checkbox"]`).first().check();
    await page.getByTestId('tp-priority').filter({ hasText: '设优先级(2 条)' }).click();
    expect(await page.getByTestId('tp-priority-value').inputValue()).toBe('2');
    await screenshot(page, 'taskpool-priority');
    await page.getByTestId('tp-priority-submit').click();
    await page.getByText('已将 2 条任务设为“紧急”').waitFor();
    const urgent = env.core.sqlite.prepare("SELECT u.username FROM tasks t JOIN users u ON u.id = t.assignee_id WHERE t.reason = '任务分配测试' AND t.priority = 2 ORDER BY u.username").pluck().all();
    expect(urgent).toEqual(['service1', 'service2']);
  });

  it('the agent finds their share on the workbench; the screen is not theirs and the server refuses them', async () => {
    const { page } = env.tp;
    const shares = byAgent() as { agent: string; n: number }[];
    await loginToShell(page, env.url, 'service2', DEMO_PASSWORD);
    expect(await page.getByRole('treeitem', { name: '任务分配' }).count()).toBe(0);
    await page.getByRole('treeitem', { name: '客服工作台' }).click();
    const mine = page.getByTestId('workbench-rows').locator('tr', { hasText: '任务分配测试' });
    await mine.first().waitFor();
    expect(await mine.count()).toBe(shares.find((x) => x.agent === 'service2')!.n);
    // Their 紧急 one comes first of the day's, with its badge.
    expect(await mine.first().getByTestId('task-priority').textContent()).toBe('紧急');
    expect(await mine.getByTestId('task-priority').count()).toBe(1);
    await screenshot(page, 'workbench-priority');
    const r = await apiFromPage(page, 'taskPool.assign', { selection: { ids: [1] }, agentIds: [uid('service2')] });
    expect(r.status).toBe(403);
  });
});
