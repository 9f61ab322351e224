/**
 * A browser on another PC as a seat (issue 15): Chromium against the host's LAN listener over
 * HTTPS (the host's self-signed certificate accepted, as the user does after comparing its
 * fingerprint). No seat cookie: the pairing page instead of a login that cannot work; a wrong code
 * is refused; the right one pairs (HttpOnly seat cookie), then the login works; a revoked seat is
 * sent back to pairing with the reason.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateHostCertificate } from '../../electron/node/lan/host-certificate';
import { startWebHost } from '../../electron/node/webhost/server';
import { createActiveUser, GOOD_PASSWORD, ROOT, screenshot, submitLogin, useFreshAppPerTest } from './support/app';

const env = useFreshAppPerTest();

describe('browser seat on the LAN listener', () => {
  it('pairs with a code from 终端管理, then logs in; a revoked seat is asked to pair again', async () => {
    const { core } = env.app;
    await createActiveUser(core, 'front1', '王芳', 'salesConsultant');
    const tls = loadOrCreateHostCertificate(env.app.dataDir, { names: ['localhost', '127.0.0.1'] });
    const lan = await startWebHost({ core, staticDir: path.join(ROOT, 'dist', 'renderer'), loopback: false, lan: { host: '127.0.0.1', port: 0, tls } });
    const context = await env.browser.newContext({ ignoreHTTPSErrors: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    try {
      await page.goto(lan.url);
      await page.getByText('本机尚未配对到主机,请输入管理员提供的配对码').waitFor();
      await screenshot(page, 'lan-browser-pair');

      const { code } = core.seats.createPairingCode(null);
      await page.getByLabel('配对码').fill(code === '111111' ? '222222' : '111111');
      await page.getByLabel('终端名称').fill('展厅-平板');
      await page.getByRole('button', { name: '核对无误,配对' }).click();
      await page.getByText('配对码错误或已过期,请向管理员索取新的配对码').waitFor();

      await page.getByLabel('配对码').fill(code);
      await page.getByRole('button', { name: '核对无误,配对' }).click();
      // Paired: the page starts again with the seat cookie, which page scripts cannot read.
      await page.locator('form.form input[name="password"]').waitFor();
      expect(await page.evaluate(() => document.cookie)).not.toContain('dscrm_seat');
      await submitLogin(page, 'front1', GOOD_PASSWORD);
      await page.getByRole('tree').waitFor();
      const seat = core.seats.list().find((s) => s.name === '展厅-平板')!;
      expect(seat).toMatchObject({ status: 'active', lastUserName: '王芳', lastAddress: '127.0.0.1' });

      core.seats.revoke(seat.id, null);
      await page.reload();
      await page.getByText('本终端已被管理员停用,请联系管理员重新配对').waitFor();
      await page.getByRole('heading', { name: '需要重新配对' }).waitFor();
      await screenshot(page, 'lan-browser-revoked');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await lan.close();
    }
  });
});
