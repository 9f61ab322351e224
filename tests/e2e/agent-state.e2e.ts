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
});
