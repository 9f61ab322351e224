/**
 * 系统管理 → 终端管理 (issue 15): a pairing code shown big with its countdown and the host's
 * certificate fingerprint; a seat pairs with it over the LAN listener (HTTPS on loopback, the
 * host's certificate pinned) and logs in there; the seat shows in the list; rename; revoke ends
 * the seat and the session that came through it.
 */
import https from 'node:https';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadOrCreateHostCertificate, type HostCertificate } from '../../electron/node/lan/host-certificate';
import { startWebHost } from '../../electron/node/webhost/server';
import { createActiveUser, GOOD_PASSWORD, loginToShell, screenshot, useFreshAppPerTest } from './support/app';

const env = useFreshAppPerTest();

/** One JSON POST to the LAN listener, trusting only the host's certificate, as a seat does. */
function lanPost(port: number, cert: HostCertificate, route: string, body: unknown, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; json: Record<string, unknown> & { error?: { code: string } }; setCookie: string[] }>((resolve, reject) => {
    const req = https.request(
      `https://127.0.0.1:${port}${route}`,
      { method: 'POST', ca: cert.cert, servername: 'localhost', agent: false, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'), setCookie: res.headers['set-cookie'] ?? [] }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('seats', () => {
  it('makes a pairing code that pairs a seat, lists it, renames it and revokes it; the revoked seat is refused', async () => {
    const { page } = env.tp;
    const { core } = env.app;
    const cert = loadOrCreateHostCertificate(env.app.dataDir, { names: ['localhost', '127.0.0.1'] });
    // The same core served to the LAN as well (npm run serve -- --lan), bound to loopback for the test.
    const lanHost = await startWebHost({ core, port: 0, lan: { host: '127.0.0.1', port: 0, tls: cert } });
    const lanPort = lanHost.lan!.port;
    try {
      await createActiveUser(core, 'it', '网管小陈', 'admin');
      await loginToShell(page, env.app.url, 'it');
      await page.getByRole('treeitem', { name: '终端管理' }).click();
      const grid = page.getByRole('table', { name: '终端管理' });
      await grid.getByText('尚未配对任何终端').waitFor();

      await page.getByRole('button', { name: '生成配对码' }).click();
      const dialog = page.getByRole('dialog', { name: '配对码' });
      const code = ((await dialog.getByTestId('pairing-code').textContent()) ?? '').trim();
      expect(code).toMatch(/^\d{6}$/);
      expect(await dialog.getByTestId('pairing-expiry').textContent()).toMatch(/^(10:00|9:5\d) 后失效$/);
      expect(await dialog.getByTestId('pairing-fingerprint').textContent()).toBe(cert.fingerprint);
      await screenshot(page, 'seats-pairing-code');

      // The front desk enters the code the admin read out, then its user logs in through the seat.
      await createActiveUser(core, 'desk', '前台小王', 'salesConsultant');
      const paired = await lanPost(lanPort, cert, '/lan/pair', { code, seatName: '前台-1' });
      expect(paired.status).toBe(200);
      const seatToken = paired.json.seatToken as string;
      const seatHeader = { 'x-dscrm-seat': seatToken };
      const login = await lanPost(lanPort, cert, '/api/auth.login', { username: 'desk', password: GOOD_PASSWORD }, seatHeader);
      expect(login.status).toBe(200);
      const sessionsViaSeat = () => core.sqlite.prepare('SELECT count(*) FROM sessions WHERE seat_id = ?').pluck().get(paired.json.seatId);
      expect(sessionsViaSeat()).toBe(1);
      await dialog.getByRole('button', { name: '确定' }).click();
      const row = grid.getByRole('row').filter({ hasText: '前台-1' });
      await row.waitFor();
      expect(await row.textContent()).toContain('127.0.0.1');
      expect(await row.textContent()).toContain('在用');
      expect(await row.textContent()).toContain('前台小王');
      const online = row.getByRole('cell', { name: /^(在线|离线)$/ });
      expect(await online.textContent()).toBe('离线');

      // The seat's window opens its event socket: 在线 without a refresh; it closes: 离线.
      const session = login.setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith('dscrm_session='))!;
      const ws = new WebSocket(`wss://127.0.0.1:${lanPort}/ws`, { ca: cert.cert, headers: { cookie: session, ...seatHeader } });
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      await expect.poll(() => online.textContent(), { timeout: 10_000 }).toBe('在线');
      await screenshot(page, 'seats-list');
      ws.close();
      await expect.poll(() => online.textContent(), { timeout: 10_000 }).toBe('离线');
      // Used once: the same code pairs nobody else.
      expect((await lanPost(lanPort, cert, '/lan/pair', { code, seatName: '前台-2' })).json.error?.code).toBe('PAIRING_CODE_WRONG');

      await row.getByRole('button', { name: '重命名' }).click();
      const rename = page.getByRole('dialog', { name: '重命名终端' });
      await rename.getByLabel('终端名称').fill('');
      await rename.getByRole('button', { name: '重命名' }).click();
      await rename.getByRole('alert').filter({ hasText: '请填写此项' }).waitFor();
      await rename.getByLabel('终端名称').fill('展厅接待');
      await rename.getByRole('button', { name: '重命名' }).click();
      const renamed = grid.getByRole('row').filter({ hasText: '展厅接待' });
      await renamed.waitFor();

      await renamed.getByRole('button', { name: '停用' }).click();
      const confirm = page.getByRole('dialog', { name: '停用终端' });
      expect(await confirm.textContent()).toContain('展厅接待');
      await confirm.getByRole('button', { name: '停用' }).click();
      await renamed.getByText('已停用').waitFor();
      expect(await renamed.getByRole('button', { name: '停用' }).count()).toBe(0);
      // The seat is refused at once, and the user logged in through it is logged out.
      expect((await lanPost(lanPort, cert, '/api/auth.session', {}, seatHeader)).json.error?.code).toBe('SEAT_REVOKED');
      expect(sessionsViaSeat()).toBe(0);
      await screenshot(page, 'seats-revoked');

      // The audit log tells the story in words.
      await page.getByRole('treeitem', { name: '审计日志' }).click();
      const audit = page.getByRole('table', { name: '审计日志' });
      await audit.getByRole('cell', { name: '终端配对' }).waitFor();
      expect(await audit.getByRole('cell', { name: '停用', exact: true }).count()).toBe(1);
      expect(await audit.textContent()).not.toContain(code);
    } finally {
      await lanHost.close();
    }
  });

  it('a code left open past 10 minutes says so and offers a new one', async () => {
    const { page } = env.tp;
    await createActiveUser(env.app.core, 'it', '网管小陈', 'admin');
    // The page's clock jumps 10 minutes below: the idle lock (5 minutes) must not cover the dialog.
    env.app.core.settings.set('security.idleLockMinutes', 240);
    await loginToShell(page, env.app.url, 'it');
    await page.getByRole('treeitem', { name: '终端管理' }).click();
    await page.clock.install();
    await page.getByRole('button', { name: '生成配对码' }).click();
    const dialog = page.getByRole('dialog', { name: '配对码' });
    const first = await dialog.getByTestId('pairing-code').textContent();
    // No certificate yet: the dialog says why there is no fingerprint instead of showing none.
    expect(await dialog.getByTestId('pairing-fingerprint').textContent()).toContain('尚未开启局域网服务');
    await page.clock.fastForward('10:01');
    await dialog.getByRole('alert').filter({ hasText: '配对码已失效' }).waitFor();
    await dialog.getByRole('button', { name: '重新生成' }).click();
    await expect.poll(() => dialog.getByTestId('pairing-code').textContent()).not.toBe(first);
    await dialog.getByText(/后失效$/).waitFor();
  });
});
