/**
 * 坐席状态 in the status bar against the real server: an agent who just logged in is 示忙 · 刚登录,
 * picks 就绪 from the menu, goes 示忙 · 小休 with Alt+B; the program lock makes them 示忙 · 程序锁定
 * and the unlock puts 小休 back; the CS manager's floor (callCenter.agents) shows each change.
 */
import { describe, expect, it } from 'vitest';
import { apiFromPage, createActiveUser, GOOD_PASSWORD, loginToShell, openPage, screenshot, useFreshAppPerTest } from './support/app';

const env = useFreshAppPerTest();

describe('agent state (real server)', () => {
  it('from 示忙 · 刚登录 to 就绪 and 示忙 · 小休; the lock and the unlock; the manager sees it', async () => {
    const { page } = env.tp;
    await createActiveUser(env.app.core, 'agent7', '客服小周', 'serviceAgent');
    await createActiveUser(env.app.core, 'csm7', '客服经理老郑', 'serviceManager');
    const manager = await env.app.core.auth.login('csm7', GOOD_PASSWORD);
    const floor = () => env.app.core.services.agentStates.agents().find((a) => a.displayName === '客服小周');

    await loginToShell(page, env.app.url, 'agent7');
    const state = page.getByTestId('agent-state');
    await state.filter({ hasText: '示忙 · 刚登录' }).waitFor();
    await state.click();
    await page.getByRole('menuitem', { name: /就绪/ }).click();
    await page.locator('[data-testid="agent-state"][data-state="ready"]').waitFor();
    expect(floor()).toMatchObject({ state: 'ready' });
    await screenshot(page, 'agent-state-ready');

    await page.keyboard.press('Alt+b');
    await state.filter({ hasText: '示忙 · 小休' }).waitFor();
    expect(floor()).toMatchObject({ state: 'busy', reason: 'break' });
    await state.click();
    await screenshot(page, 'agent-state-menu');
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+l');
    await page.getByRole('button', { name: '解锁' }).waitFor();
    expect(floor()).toMatchObject({ state: 'busy', reason: 'locked' });
    await page.getByLabel('密码', { exact: true }).fill(GOOD_PASSWORD);
    await page.getByRole('button', { name: '解锁' }).click();
    await page.getByRole('dialog', { name: '程序已锁定' }).waitFor({ state: 'detached' });
    await expect.poll(() => floor()?.reason).toBe('break');
    await state.filter({ hasText: '示忙 · 小休' }).waitFor();

    // The manager's floor through the API, and an agent refused it.
    const r = await env.app.core.services.agentStates.agents();
    expect(r.map((a) => a.displayName)).toContain('客服小周');
    expect((await apiFromPage(page, 'callCenter.agents')).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(manager.session.user.role).toBe('serviceManager');
  });

  it('坐席监控: the CS manager’s wall board changes live as an agent on another seat changes state and places a call', async () => {
    const { page } = env.tp;
    await createActiveUser(env.app.core, 'agent8', '客服小吴', 'serviceAgent');
    await createActiveUser(env.app.core, 'csm8', '客服经理老钱', 'serviceManager');
    await loginToShell(page, env.app.url, 'csm8');
    await page.getByRole('treeitem', { name: '坐席监控' }).click();
    const board = page.getByTestId('floor-screen');
    await board.getByTestId('floor-totals').waitFor();

    // The agent, on their own seat (another browser context).
    const seat = await openPage(env.browser);
    try {
      await loginToShell(seat.page, env.app.url, 'agent8');
      const agentId = env.app.core.services.agentStates.agents().find((a) => a.displayName === '客服小吴')!.userId;
      const cell = board.getByTestId(`floor-state-${agentId}`);
      await cell.filter({ hasText: '示忙 · 刚登录' }).waitFor();
      await seat.page.keyboard.press('Alt+r');
      await cell.filter({ hasText: '就绪' }).waitFor();
      // A call of the agent's: 通话中 on the board with the number, and the outbound count.
      await apiFromPage(seat.page, 'telephony.settings.save', { wsUrl: 'ws://127.0.0.1:8088', extension: '1008', authUser: '1008', password: 'pw-1008', displayName: '坐席 1008' });
      const started = (await apiFromPage(seat.page, 'telephony.call.start', { direction: 'outbound', remoteNumber: '13800000008' })).body as unknown as { value: { callId: number } };
      await cell.filter({ hasText: '通话中' }).waitFor();
      const row = board.getByRole('row').filter({ hasText: '客服小吴' });
      await row.getByText('13800000008', { exact: false }).waitFor();
      await board.getByRole('button', { name: '大屏' }).click();
      await screenshot(page, 'floor-board');
      await apiFromPage(seat.page, 'telephony.call.end', { callId: started.value.callId, reason: 'hangup' });
      await cell.filter({ hasText: '话后处理' }).waitFor();
    } finally {
      await seat.context.close();
    }
  });

  it('坐席监控 with three seats: two agents’ states and calls live, a state’s total picks its agents, queue depths, and every number opens its records', async () => {
    const { page } = env.tp;
    const core = env.app.core;
    await createActiveUser(core, 'agent9a', '客服小林', 'serviceAgent');
    await createActiveUser(core, 'agent9b', '客服小陈', 'serviceAgent');
    await createActiveUser(core, 'csm9', '客服经理老孙', 'serviceManager');
    const id = (u: string) => core.sqlite.prepare('select id from users where username = ?').pluck().get(u) as number;
    const [a, b] = [id('agent9a'), id('agent9b')];
    // Agent A's queue: two regular-service reminders due (one overdue), one not due yet.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const day = (n: number) => new Date(Date.parse(today) + n * 86_400_000).toISOString().slice(0, 10);
    const task = core.sqlite.prepare("insert into tasks (kind, natural_key, customer_id, assignee_id, due_date, status, created_at, updated_at) values ('regular_service', ?, ?, ?, ?, 'open', 0, 0)");
    const customer = core.sqlite.prepare('insert into customers (name, created_at, updated_at) values (?, 0, 0)');
    const due = [day(-2), today, day(3)].map((d, i) => Number(task.run(`floor3:${i}`, Number(customer.run(`队列客户${i}`).lastInsertRowid), a, d).lastInsertRowid));

    await loginToShell(page, env.app.url, 'csm9');
    await page.getByRole('treeitem', { name: '坐席监控' }).click();
    const board = page.getByTestId('floor-screen');
    const queueRow = board.getByTestId('floor-queue-regular_service');
    await queueRow.filter({ hasText: day(-2) }).waitFor();
    expect(await board.getByTestId('floor-queue-due-regular_service').textContent()).toBe('2');

    const seatA = await openPage(env.browser);
    const seatB = await openPage(env.browser);
    try {
      await loginToShell(seatA.page, env.app.url, 'agent9a');
      await loginToShell(seatB.page, env.app.url, 'agent9b');
      await seatA.page.keyboard.press('Alt+r');
      await seatB.page.keyboard.press('Alt+r');
      await board.getByTestId(`floor-state-${a}`).filter({ hasText: '就绪' }).waitFor();
      await board.getByTestId(`floor-state-${b}`).filter({ hasText: '就绪' }).waitFor();
      // B calls out: 通话中 live; the 就绪 total then picks A alone.
      await apiFromPage(seatB.page, 'telephony.settings.save', { wsUrl: 'ws://127.0.0.1:8088', extension: '1009', authUser: '1009', password: 'pw-1009', displayName: '坐席 1009' });
      const started = (await apiFromPage(seatB.page, 'telephony.call.start', { direction: 'outbound', remoteNumber: '13800000009' })).body as unknown as { value: { callId: number } };
      await board.getByTestId(`floor-state-${b}`).filter({ hasText: '通话中' }).waitFor();
      await board.getByTestId('floor-total-ready').click();
      await expect.poll(() => board.getByRole('row').filter({ hasText: '客服小' }).count()).toBe(1);
      expect(await board.getByRole('row').filter({ hasText: '客服小林' }).count()).toBe(1);
      await board.getByTestId('floor-total-ready').click();
      await apiFromPage(seatB.page, 'telephony.call.end', { callId: started.value.callId, reason: 'hangup' });
      await board.getByTestId(`floor-state-${b}`).filter({ hasText: '话后处理' }).waitFor();
      // A closes the overdue task on the workbench, then takes a break: the board's queue is down to 1.
      const version = core.sqlite.prepare('select version from tasks where id = ?').pluck().get(due[0]) as number;
      await apiFromPage(seatA.page, 'workbench.outcome', { taskId: due[0], expectedVersion: version, outcome: 'done', note: '已预约' });
      await seatA.page.keyboard.press('Alt+b');
      await board.getByTestId(`floor-state-${a}`).filter({ hasText: '示忙 · 小休' }).waitFor();
      await board.getByTestId('floor-queue-due-regular_service').filter({ hasText: /^1$/ }).waitFor();
      await screenshot(page, 'floor-queues');

      // Every number opens its records: B's outbound call, the queue's task.
      const dialog = page.getByTestId('drill-dialog');
      await board.getByTestId(`floor-outbound-${b}`).click();
      await dialog.getByTestId('grid-total').filter({ hasText: '共 1 条' }).waitFor();
      await dialog.getByText('13800000009').first().waitFor();
      await screenshot(page, 'floor-drill');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await board.getByTestId('floor-queue-due-regular_service').click();
      await dialog.getByTestId('grid-total').filter({ hasText: '共 1 条' }).waitFor();
      await dialog.getByText('队列客户1').waitFor();
      await page.keyboard.press('Escape');
    } finally {
      await seatA.context.close();
      await seatB.context.close();
    }
  });
});
