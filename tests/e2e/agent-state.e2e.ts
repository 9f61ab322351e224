/**
 * 坐席状态 in the status bar against the real server: an agent who just logged in is 示忙 · 刚登录,
 * picks 就绪 from the menu, goes 示忙 · 小休 with Alt+B; the program lock makes them 示忙 · 程序锁定
 * and the unlock puts 小休 back; the CS manager's floor (callCenter.agents) shows each change.
 */
import { describe, expect, it } from 'vitest';
import { apiFromPage, createActiveUser, GOOD_PASSWORD, loginToShell, screenshot, useFreshAppPerTest } from './support/app';

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
});
