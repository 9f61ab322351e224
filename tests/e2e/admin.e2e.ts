/** 系统管理: the user list, a new user with a one-time password shown once, a password reset, the audit log. */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/node/dispatch';
import { apiFromPage, createActiveUser, GOOD_PASSWORD, loginToShell, screenshot, treeModules, useFreshAppPerTest } from './support/app';

const env = useFreshAppPerTest();

describe('system administration', () => {
  it('creates a user and shows the one-time password once; it is the real password; a reset gives a new one; the audit log records both', async () => {
    const { page } = env.tp;
    await createActiveUser(env.app.core, 'it', '网管小陈', 'admin');
    await loginToShell(page, env.app.url, 'it');
    await page.getByRole('treeitem', { name: '用户管理' }).click();
    await page.getByRole('cell', { name: 'admin', exact: true }).waitFor();

    await page.getByRole('button', { name: '新建用户' }).click();
    const create = page.getByRole('dialog', { name: '新建用户' });
    await create.getByLabel('用户名').fill('sales9');
    await create.getByLabel('姓名').fill('吴昊');
    await create.getByLabel('角色').selectOption('salesConsultant');
    await create.getByRole('button', { name: '新建用户' }).click();

    const otpDialog = page.getByRole('dialog', { name: '一次性密码' });
    await otpDialog.waitFor();
    const otp = (await otpDialog.getByTestId('one-time-password').textContent())?.trim() ?? '';
    expect(otp.length).toBeGreaterThanOrEqual(8);
    await screenshot(page, 'admin-one-time-password');
    // What the dialog shows is the password that works (and must be changed at first login).
    const first = await env.app.core.auth.login('sales9', otp);
    expect(first.session.mustChangePassword).toBe(true);
    await otpDialog.getByRole('button', { name: '确定' }).click();
    await otpDialog.waitFor({ state: 'detached' });
    // Shown once: nowhere on the page any more.
    expect(await page.getByText(otp).count()).toBe(0);
    const row = page.getByRole('row').filter({ hasText: 'sales9' });
    expect(await row.textContent()).toContain('待修改密码');

    // A duplicate user name is refused with the server's reason.
    await page.getByRole('button', { name: '新建用户' }).click();
    await create.getByLabel('用户名').fill('sales9');
    await create.getByLabel('姓名').fill('重复');
    await create.getByRole('button', { name: '新建用户' }).click();
    await create.getByRole('alert').filter({ hasText: 'sales9' }).waitFor();
    await create.getByRole('button', { name: '取消' }).click();

    await row.getByRole('button', { name: '重置密码' }).click();
    await page.getByRole('dialog', { name: '重置密码' }).getByRole('button', { name: '重置密码' }).click();
    await otpDialog.waitFor();
    const second = (await otpDialog.getByTestId('one-time-password').textContent())?.trim() ?? '';
    expect(second).not.toBe(otp);
    await expect(env.app.core.auth.login('sales9', otp)).rejects.toMatchObject({ code: 'BAD_CREDENTIALS' });
    await expect(env.app.core.auth.login('sales9', second)).resolves.toBeTruthy();
    await otpDialog.getByRole('button', { name: '确定' }).click();

    await page.getByRole('treeitem', { name: '审计日志' }).click();
    const audit = page.getByRole('table', { name: '审计日志' });
    await audit.getByRole('cell', { name: '重置密码' }).first().waitFor();
    expect(await audit.getByRole('cell', { name: '新建' }).count()).toBeGreaterThan(0);
    expect(await audit.textContent()).toContain('网管小陈 (it)');
    // Secrets never reach the log.
    expect(await audit.textContent()).not.toContain(second);
    await screenshot(page, 'admin-audit-log');
  });
});

describe('权限管理', () => {
  it("an administrator revokes a manager's 导出数据: the dialog shows role default, override and what holds, the server refuses the manager's next export, the audit log names it", async () => {
    const { page } = env.tp;
    await createActiveUser(env.app.core, 'it4', '网管小赵', 'admin');
    await createActiveUser(env.app.core, 'mgr4', '销售经理老周', 'salesManager');
    await loginToShell(page, env.app.url, 'it4');
    await page.getByRole('treeitem', { name: '用户管理' }).click();
    await page.getByTestId('user-permissions-mgr4').click();
    const dialog = page.getByRole('dialog', { name: '权限管理:销售经理老周(销售经理)' });
    await dialog.getByTestId('perm-export').waitFor();
    expect(await dialog.getByTestId('perm-export-effective').textContent()).toBe('✓ 有');
    await dialog.getByLabel('导出数据:本用户的设置').selectOption('revoke');
    await dialog.getByLabel('下载通话录音:本用户的设置').selectOption('grant');
    expect(await dialog.getByTestId('perm-export-effective').textContent()).toBe('✗ 无');
    await screenshot(page, 'admin-permissions');
    await dialog.getByTestId('perm-save').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('已保存“销售经理老周”的权限').waitFor();

    // The server holds the manager to it from their next request, without a new login.
    const { token } = await env.app.core.auth.login('mgr4', GOOD_PASSWORD);
    const exportInput = { dataset: 'customers', scope: 'all', columns: ['name'], exportId: 'perm-e2e-1', filter: { columns: [] } };
    expect((await dispatch(env.app.core, token, 'grid.export', exportInput)).result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // Opened again, the dialog shows what was stored.
    await page.getByTestId('user-permissions-mgr4').click();
    await dialog.getByTestId('perm-export').waitFor();
    expect(await dialog.getByTestId('perm-export').inputValue()).toBe('revoke');
    expect(await dialog.getByTestId('perm-recordings.export').inputValue()).toBe('grant');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
    await page.getByTestId('user-permissions-mgr4').click();
    await page.getByRole('dialog', { name: 'Permissions: 销售经理老周 (Sales manager)' }).getByRole('cell', { name: 'Export data', exact: true }).waitFor();
    await screenshot(page, 'admin-permissions-en');
    await page.keyboard.press('Escape');
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();

    await page.getByRole('treeitem', { name: '审计日志' }).click();
    const audit = page.getByRole('table', { name: '审计日志' });
    await audit.getByRole('cell', { name: '权限变更' }).first().waitFor();
    expect(await audit.getByRole('cell', { name: '权限变更' }).count()).toBe(2);
    expect(await audit.textContent()).toContain('网管小赵 (it4)');
  });
});

describe('system settings', () => {
  /** A new administrator logged in, on 系统管理 → 系统设置. */
  async function openSettings(username: string, displayName: string) {
    const { page } = env.tp;
    await createActiveUser(env.app.core, username, displayName, 'admin');
    await loginToShell(page, env.app.url, username);
    await page.getByRole('treeitem', { name: '系统设置' }).click();
    return page;
  }

  it('an administrator changes the idle lock time; a value out of range is refused with the rule; the change is audited', async () => {
    const page = await openSettings('it2', '网管小李');
    const idle = page.getByLabel('无操作自动锁定(分钟)');
    await expect.poll(() => idle.inputValue()).toBe('5');

    await idle.fill('0');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByRole('alert').filter({ hasText: '输入有误' }).waitFor();
    expect(env.app.core.settings.get('security.idleLockMinutes')).toBe(5);

    await idle.fill('15');
    await page.getByLabel('本地车牌前缀').fill('粤A');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('设置已保存').waitFor();
    expect(env.app.core.settings.get('security.idleLockMinutes')).toBe(15);
    expect(env.app.core.settings.get('dealer.platePrefix')).toBe('粤A');
    await screenshot(page, 'admin-settings');

    // The session picks the new idle time up on its next call.
    const info = await page.evaluate(async () => (await (await fetch('/api/auth.session', { method: 'POST' })).json()) as { value: { idleLockMinutes: number } });
    expect(info.value.idleLockMinutes).toBe(15);
  });

  it("本地区号 follows the city until an administrator types one; local numbers then take it", async () => {
    const page = await openSettings('it3', '网管小王');
    const area = page.getByLabel('本地区号');
    await expect.poll(() => area.getAttribute('placeholder')).toBe('0755'); // the demo city 深圳
    await page.getByLabel('所在城市').fill('大连');
    await expect.poll(() => area.getAttribute('placeholder')).toBe('0411');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('设置已保存').waitFor();
    expect(env.app.core.settings.areaCode()).toBe('0411');
    await page.getByLabel('所在城市').scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-settings-area-code');

    await area.fill('0412');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('设置已保存').last().waitFor();
    await expect.poll(() => env.app.core.settings.areaCode()).toBe('0412');
  });

  it('模块功能自由分配: the administrator takes 短信平台 from a consultant and gives them 客户服务; the consultant’s menu follows at their next login', async () => {
    const { page } = env.tp;
    await createActiveUser(env.app.core, 'it5', '网管小吴', 'admin');
    await createActiveUser(env.app.core, 'sc5', '销售顾问小林', 'salesConsultant');
    await loginToShell(page, env.app.url, 'it5');
    await page.getByRole('treeitem', { name: '用户管理' }).click();
    await page.getByTestId('user-permissions-sc5').click();
    const dialog = page.getByRole('dialog', { name: '权限管理:销售顾问小林(销售顾问)' });
    await dialog.getByTestId('perm-module.sms').waitFor();
    expect(await dialog.getByTestId('perm-module.sms-effective').textContent()).toBe('✓ 有');
    // 决策分析 is managers' work: it can be taken away, never given.
    expect(await dialog.getByTestId('perm-module.analysis').locator('option').allTextContents()).toEqual(['按角色默认', '收回']);
    await dialog.getByLabel('模块:短信平台:本用户的设置').selectOption('revoke');
    await dialog.getByLabel('模块:客户服务:本用户的设置').selectOption('grant');
    await screenshot(page, 'admin-permissions-modules');
    await dialog.getByTestId('perm-save').click();
    await dialog.waitFor({ state: 'detached' });

    await page.context().clearCookies();
    await loginToShell(page, env.app.url, 'sc5');
    const modules = await treeModules(page);
    expect(modules).toContain('客户服务');
    expect(modules).not.toContain('短信平台');
    // The everyday screens of 客户服务, not its managers' (任务分配 is the service manager's).
    await page.getByRole('treeitem', { name: '提醒服务' }).waitFor();
    expect(await page.getByRole('treeitem', { name: '任务分配' }).count()).toBe(0);
    const sms = await apiFromPage(page, 'sms.templates', {});
    expect(sms.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await screenshot(page, 'admin-modules-consultant-menu');
  });
});
