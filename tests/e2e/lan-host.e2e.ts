/** 系统设置 → 局域网主机: an administrator makes this PC the host (设为主机), with its port and extra names. */
import { describe, expect, it } from 'vitest';
import { createActiveUser, loginToShell, screenshot, useFreshAppPerTest } from './support/app';

const env = useFreshAppPerTest();

describe('设为主机', () => {
  it('is saved with its port and names for the next start; a port below 1024 is refused; the change is audited', async () => {
    const { page } = env.tp;
    await createActiveUser(env.app.core, 'it3', '网管小周', 'admin');
    await loginToShell(page, env.app.url, 'it3');
    await page.getByRole('treeitem', { name: '系统设置' }).click();
    const serve = page.getByLabel('设为主机');
    await expect.poll(() => serve.inputValue()).toBe('false');
    await expect.poll(() => page.getByLabel('主机端口(HTTPS)').inputValue()).toBe('5443');

    await serve.selectOption({ label: '是(为局域网终端提供服务)' });
    await page.getByLabel('主机端口(HTTPS)').fill('80');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByRole('alert').filter({ hasText: '输入有误' }).waitFor();
    expect(env.app.core.settings.get('lan.enabled')).toBe(false);

    await page.getByLabel('主机端口(HTTPS)').fill('5443');
    await page.getByLabel('主机的其他名称').fill('crm.dealer.lan');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('设置已保存').waitFor();
    expect(env.app.core.settings.get('lan.enabled')).toBe(true);
    expect(env.app.core.settings.get('lan.hostNames')).toBe('crm.dealer.lan');
    const audited = env.app.core.sqlite.prepare("select count(*) n from audit_log where entity = 'setting' and entity_id = 'lan.enabled'").get() as { n: number };
    expect(audited.n).toBe(1);
    await page.getByText('重启程序生效').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-settings-lan-host');
  });
});
