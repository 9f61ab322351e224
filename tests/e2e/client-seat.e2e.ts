/**
 * A client seat in Chromium (issue 15): the renderer with a `window.dscrm` bridge wired to the
 * desktop main's own seat modules (SeatGate, ClientSessions, HostClient — what Electron main runs
 * in 连接到主机 mode, minus the window), against the real host's LAN listener over pinned HTTPS.
 * First start → 连接到主机 → the fingerprint shown → pairing code → login → 已连接主机 in the
 * status bar → host down: 正在重连… → host back: 已连接主机, the open screen refreshed, same session →
 * seat revoked in 终端管理: the seat says so and offers pairing again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventMessage } from '../../electron/common/api/events';
import { loadOrCreateHostCertificate } from '../../electron/node/lan/host-certificate';
import { startWebHost, type WebHost } from '../../electron/node/webhost/server';
import { HostClient, localError } from '../../electron/node/host-client/host-client';
import { ClientSessions } from '../../electron/main/client-sessions';
import { NotificationService } from '../../electron/node/features/sales/notifications';
import { SeatGate } from '../../electron/main/seat-gate';
import { tempDir } from '../support/core';
import { createActiveUser, GOOD_PASSWORD, screenshot, submitLogin, useFreshAppPerTest } from './support/app';

const env = useFreshAppPerTest();
const WINDOW = 1;

describe('client seat', () => {
  it('pairs on first start with the fingerprint shown, works through the host, and shows the link in the status bar', async () => {
    const { page } = env.tp;
    const { core } = env.app;
    await createActiveUser(core, 'service1', '李娜', 'serviceAgent');
    const cert = loadOrCreateHostCertificate(env.app.dataDir, { names: ['localhost', '127.0.0.1'] });
    let lan: WebHost = await startWebHost({ core, port: 0, lan: { host: '127.0.0.1', port: 0, tls: cert } });
    const lanPort = lan.lan!.port;

    // The desktop main's seat side, in this process; the page reaches it through window.dscrm.
    const deliver = (msg: EventMessage) => void page.evaluate((m) => (window as unknown as { __dscrmEmit(m: unknown): void }).__dscrmEmit(m), msg).catch(() => undefined);
    let sessions: ClientSessions | null = null;
    const seatFile = path.join(tempDir('dscrm-seat-'), 'seat.json');
    const gate = new SeatGate({
      configPath: seatFile,
      hasLocalData: () => false,
      startLocal: () => Promise.resolve(false),
      startClient: (c) => {
        sessions = new ClientSessions(new HostClient({ hostUrl: c.hostUrl, pin: { certPem: c.certPem, fingerprint: c.fingerprint }, seatToken: c.seatToken }), (_w, m) => deliver(m), deliver);
        return sessions.check('zh-CN');
      },
      stopClient: async () => sessions?.dispose(),
      link: () => sessions?.link() ?? null,
      hostVersions: () => sessions?.hostVersions() ?? null,
    });
    await gate.start();
    await page.exposeFunction('__dscrmInvoke', async (method: string, input: unknown, locale?: string) => (await gate.handle(method, input, locale)) ?? (sessions ? sessions.call(WINDOW, method, input, { locale }) : localError('SEAT_UNKNOWN', locale)));
    await page.addInitScript(() => {
      const listeners: ((m: unknown) => void)[] = [];
      const w = window as unknown as Record<string, unknown> & { __dscrmInvoke(m: string, i: unknown, l?: string): Promise<unknown> };
      w.__dscrmEmit = (m: unknown) => listeners.forEach((l) => l(m));
      w.dscrm = {
        invoke: (m: string, i: unknown, l?: string) => w.__dscrmInvoke(m, i, l),
        on: (l: (m: unknown) => void) => {
          listeners.push(l);
          return () => listeners.splice(listeners.indexOf(l), 1);
        },
        pickFolder: () => Promise.resolve(null),
        upload: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'not in this test' } }),
      };
    });

    try {
      await page.goto(env.app.url);
      await page.getByRole('heading', { name: '选择工作方式' }).waitFor();
      await screenshot(page, 'client-seat-first-start');
      await page.getByRole('button', { name: /连接到主机/ }).click();
      // Checked before asking anyone: the same messages as a browser's pairing page (pairingFieldErrors).
      await page.getByLabel('主机地址').fill(`http://127.0.0.1:${lanPort}`);
      await page.getByRole('button', { name: '连接' }).click();
      await page.getByText('主机只通过 HTTPS 连接:请只填写地址,如 192.168.1.10').waitFor();
      await page.getByLabel('主机地址').fill(`127.0.0.1:${lanPort}`);
      await page.getByRole('button', { name: '连接' }).click();
      // The fingerprint this PC sees, to compare with 终端管理 on the host before pairing.
      await expect(page.getByTestId('seat-fingerprint').getAttribute('data-fingerprint')).resolves.toBe(cert.fingerprint);
      expect((await page.getByTestId('seat-fingerprint').locator('span').allTextContents()).join(':')).toBe(cert.fingerprint);
      await page.getByLabel('配对码').fill('12 34');
      await page.getByRole('button', { name: '核对无误,配对' }).click();
      await page.getByText('配对码为 6 位数字').waitFor();
      await page.getByText('请填写此项').waitFor();
      await screenshot(page, 'client-seat-pairing-fields');
      await page.getByLabel('配对码').fill('000000');
      await page.getByLabel('终端名称').fill('前台-1');
      await page.getByRole('button', { name: '核对无误,配对' }).click();
      await page.getByRole('alert').filter({ hasText: '配对码错误或已过期' }).waitFor();
      await page.getByLabel('配对码').fill(core.seats.createPairingCode(null).code);
      await screenshot(page, 'client-seat-pairing');
      await page.getByRole('button', { name: '核对无误,配对' }).click();
      await page.getByRole('heading', { name: '用户登录' }).waitFor();
      expect(JSON.parse(fs.readFileSync(seatFile, 'utf8'))).toMatchObject({ mode: 'client', fingerprint: cert.fingerprint, seatName: '前台-1' });
      expect(core.seats.list().map((s) => s.name)).toEqual(['前台-1']);

      await submitLogin(page, 'service1', GOOD_PASSWORD);
      await page.getByRole('tree').waitFor();
      const status = page.getByRole('contentinfo');
      await status.getByText('已连接主机').waitFor();
      // The page holds no session: no cookie, nothing in storage; main (here: ClientSessions) has it.
      expect(await page.context().cookies()).toEqual([]);
      await screenshot(page, 'client-seat-connected');

      await lan.close();
      await status.getByText('正在重连…').waitFor({ timeout: 10_000 });
      await screenshot(page, 'client-seat-reconnecting');
      // Meanwhile a notification is written for her; its event cannot reach a seat that is cut off.
      const { id: userId } = core.sqlite.prepare("SELECT id FROM users WHERE username = 'service1'").get() as { id: number };
      new NotificationService(core).insert({ userId, kind: 'task', title: '离线期间分配的任务', body: null, refType: null, refId: null });
      lan = await startWebHost({ core, port: 0, lan: { host: '127.0.0.1', port: lanPort, tls: cert } });
      await status.getByText('已连接主机').waitFor({ timeout: 20_000 });
      // The open screen refreshed when the link came back.
      await page.getByText('离线期间分配的任务').waitFor();
      // Same session after the host's restart: the grid of a screen still loads.
      await page.getByRole('treeitem', { name: '客服工作台' }).click();
      expect(await page.getByRole('heading', { name: '用户登录' }).count()).toBe(0);

      // The administrator revokes the seat: at once the seat says so and offers pairing again.
      core.seats.revoke(core.seats.list()[0]!.id, null);
      await page.getByRole('heading', { name: '需要重新配对' }).waitFor({ timeout: 10_000 });
      await page.getByRole('alert').filter({ hasText: '本终端已被管理员停用,请联系管理员重新配对' }).waitFor();
      await expect(page.getByLabel('主机地址').inputValue()).resolves.toBe(`127.0.0.1:${lanPort}`);
      await screenshot(page, 'client-seat-revoked');
    } finally {
      await (sessions as ClientSessions | null)?.dispose();
      await lan.close();
    }
  });
});
