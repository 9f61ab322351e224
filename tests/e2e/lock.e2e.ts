/**
 * The program lock: Ctrl+L, the 锁定 button, idle time, and a lock made in another window. While
 * locked the server refuses the session's calls (423), a reload does not get past the lock, and
 * unlocking returns to the work that was open.
 */
import { describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, apiFromPage, createActiveUser, loginToShell, screenshot, useFreshAppPerTest, type TestPage } from './support/app';

const env = useFreshAppPerTest();

const lockScreen = (tp: TestPage) => tp.page.getByRole('dialog', { name: '程序已锁定' });

describe('program lock', () => {
  it('(c) Ctrl+L locks; the server answers 423; a reload still shows the lock; a wrong password is refused; the right one returns to the open tab', async () => {
    const { page } = env.tp;
    await createActiveUser(env.app.core, 'sales1', '赵敏', 'salesConsultant');
    await loginToShell(page, env.app.url, 'sales1');
    await page.getByRole('treeitem', { name: '跟踪计划' }).click();
    await page.getByRole('treeitem', { name: '潜在客户' }).click();
    await page.getByRole('tab', { name: '潜在客户', selected: true }).waitFor();

    await page.keyboard.press('Control+l');
    await lockScreen(env.tp).waitFor();
    expect(await page.getByTestId('lock-user').textContent()).toContain('赵敏');
    // The work underneath is kept but cannot be reached.
    expect(await page.locator('.app-root').getAttribute('inert')).not.toBeNull();

    const status = await page.evaluate(async () => (await fetch('/api/auth.session', { method: 'POST' })).status);
    expect(status).toBe(423);

    await page.reload();
    await lockScreen(env.tp).waitFor();
    expect(await page.getByTestId('lock-user').textContent()).toContain('赵敏');
    expect(await page.getByRole('tree').count()).toBe(0);
    await screenshot(page, 'c-locked-after-reload');

    await page.getByLabel('密码', { exact: true }).fill('not-my-password1');
    await page.getByRole('button', { name: '解锁' }).click();
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
    expect(await lockScreen(env.tp).count()).toBe(1);

    await page.getByLabel('密码', { exact: true }).fill(GOOD_PASSWORD);
    await page.getByRole('button', { name: '解锁' }).click();
    await lockScreen(env.tp).waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: '潜在客户', selected: true }).waitFor();
    expect(await page.getByRole('tab').allTextContents()).toEqual(['跟踪计划', '潜在客户']);
    expect((await apiFromPage(page, 'auth.session')).status).toBe(200);
    await screenshot(page, 'c-unlocked');
  });

  it('the 锁定 button locks too, and 注销并切换用户 logs the locked user out so another can log in', async () => {
    const { page } = env.tp;
    await createActiveUser(env.app.core, 'sales1', '赵敏', 'salesConsultant');
    await createActiveUser(env.app.core, 'service1', '钱琳', 'serviceAgent');
    await loginToShell(page, env.app.url, 'sales1');
    await page.getByRole('contentinfo').getByRole('button', { name: /锁定/ }).click();
    await lockScreen(env.tp).waitFor();
    await screenshot(page, 'lock-button');
    await page.getByRole('button', { name: '注销并切换用户' }).click();
    await page.getByRole('heading', { name: '用户登录' }).waitFor();
    expect((await apiFromPage(page, 'auth.session')).status).toBe(401);
    await loginToShell(page, env.app.url, 'service1');
    expect(await page.getByRole('contentinfo').textContent()).toContain('钱琳');
  });

  it('locks after the idle time set for the dealer, with no mouse or keyboard', async () => {
    const { page } = env.tp;
    env.app.core.settings.set('security.idleLockMinutes', 0.05); // 3 seconds
    await createActiveUser(env.app.core, 'sales1', '赵敏', 'salesConsultant');
    await loginToShell(page, env.app.url, 'sales1');
    await lockScreen(env.tp).waitFor({ timeout: 20_000 });
    // The server agrees: the session itself is locked.
    expect((await apiFromPage(page, 'auth.session')).status).toBe(423);
    await screenshot(page, 'idle-lock');
  });

  it('a lock made in another window of the same session shows the lock screen here too (pushed event)', async () => {
    const { page, context } = env.tp;
    await createActiveUser(env.app.core, 'sales1', '赵敏', 'salesConsultant');
    await loginToShell(page, env.app.url, 'sales1');
    const other = await context.newPage();
    await other.goto(env.app.url);
    await other.getByRole('tree').waitFor();
    // Both windows' event sockets are up.
    await page.locator('html[data-events="open"]').waitFor({ state: 'attached' });
    await other.locator('html[data-events="open"]').waitFor({ state: 'attached' });
    await other.keyboard.press('Control+l');
    await other.getByRole('dialog', { name: '程序已锁定' }).waitFor();
    await lockScreen(env.tp).waitFor();
    await screenshot(page, 'lock-from-other-window');

    // Unlocking there unlocks here as well.
    await other.getByLabel('密码', { exact: true }).fill(GOOD_PASSWORD);
    await other.getByRole('button', { name: '解锁' }).click();
    await lockScreen(env.tp).waitFor({ state: 'detached' });
    await page.getByRole('tree').waitFor();
    await other.close();
  });
});
