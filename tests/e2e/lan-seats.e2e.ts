/**
 * Two seats on one host over TLS (issue 15), end to end: one host (a seeded core, the web host with
 * its LAN listener on 127.0.0.1 over HTTPS with its own certificate) and two Chromium contexts as
 * two paired seats of different users. Chromium trusts exactly the host's key
 * (--ignore-certificate-errors-spki-list, a pin: another certificate is still refused), the way a
 * seat's user trusts the host after comparing its fingerprint with 终端管理. The administrator works
 * on the host PC itself (loopback). The steps run in order on the same host and pages:
 * pairing, a task handed out, a 领导批阅 comment, a stale save, a lock, a password reset, a host
 * restart and a revoke.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/node/core';
import { DEMO_PASSWORD, seedDemo } from '../../electron/node/features/demo/seed';
import { todayIn } from '../../electron/common/dates';
import { createTasks } from '../../electron/node/features/service/tasks';
import { loadOrCreateHostCertificate, type HostCertificate } from '../../electron/node/lan/host-certificate';
import { startWebHost, type WebHost } from '../../electron/node/webhost/server';
import { apiFromPage, CHROMIUM_ARGS, launchBrowser, loginToShell, ROOT, screenshot, submitLogin } from './support/app';

const STATIC = path.join(ROOT, 'dist', 'renderer');
const TASK_REASON = '跨终端分配测试';
const COMMENT = '请先确认客户的贷款需求(跨终端批阅)';

/** base64 SHA-256 of the certificate's public key (SPKI): what Chromium's pin flag takes. */
function spkiPin(certPem: string): string {
  const spki = crypto.createPublicKey(certPem).export({ type: 'spki', format: 'der' });
  return crypto.createHash('sha256').update(spki).digest('base64');
}

/** A fingerprint as Node and 终端管理 write it: SHA-256 of the DER, upper-case pairs joined by ':'. */
function fingerprintOfDer(der: Buffer): string {
  return (crypto.createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g) ?? []).join(':');
}

interface Seat {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

const state = {} as {
  dataDir: string;
  core: Core;
  host: WebHost;
  tls: HostCertificate;
  loopbackPort: number;
  lanPort: number;
  lanUrl: string;
  browser: Browser;
  adminBrowser: Browser;
  admin: Page;
  a: Seat;
  b: Seat;
};

async function startHost(loopbackPort: number, lanPort: number): Promise<void> {
  state.host = await startWebHost({ core: state.core, port: loopbackPort, staticDir: STATIC, lan: { host: '127.0.0.1', port: lanPort, tls: state.tls } });
}

async function openSeat(browser: Browser): Promise<Seat> {
  // No ignoreHTTPSErrors: the only certificate this browser accepts is the pinned one.
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, errors };
}

/** 终端管理 on the host PC → 生成配对码: the code and the fingerprint the admin reads out. */
async function makePairingCode(): Promise<{ code: string; fingerprint: string }> {
  const { admin } = state;
  await admin.getByRole('treeitem', { name: '终端管理' }).click();
  await admin.getByRole('button', { name: '生成配对码' }).click();
  const dialog = admin.getByRole('dialog', { name: '配对码' });
  const code = ((await dialog.getByTestId('pairing-code').textContent()) ?? '').trim();
  const fingerprint = ((await dialog.getByTestId('pairing-fingerprint').textContent()) ?? '').trim();
  await screenshot(admin, 'lan-seats-pairing-code');
  await dialog.getByRole('button', { name: '确定' }).click();
  return { code, fingerprint };
}

/**
 * Opens the host on the seat and returns the fingerprint of the certificate Chromium itself was
 * given for it (the data its certificate viewer shows; Chromium records it while Network is on).
 */
async function openHostAndReadCertificate(seat: Seat): Promise<string> {
  const cdp = await seat.context.newCDPSession(seat.page);
  await cdp.send('Network.enable');
  await seat.page.goto(state.lanUrl);
  const { tableNames } = await cdp.send('Network.getCertificate', { origin: state.lanUrl.replace(/\/$/, '') });
  await cdp.detach();
  expect(tableNames.length).toBeGreaterThan(0);
  return fingerprintOfDer(Buffer.from(tableNames[0]!, 'base64'));
}

async function pairSeat(seat: Seat, seatName: string, shot: string): Promise<void> {
  const { page } = seat;
  const seen = await openHostAndReadCertificate(seat);
  await page.getByText('本机尚未配对到主机,请输入管理员提供的配对码').waitFor();
  const { code, fingerprint } = await makePairingCode();
  expect(code).toMatch(/^\d{6}$/);
  // 核对: the certificate this browser holds for the host is the one 终端管理 shows.
  expect(seen).toBe(fingerprint.replace(/\s+/g, ''));
  expect(fingerprint.replace(/\s+/g, '')).toBe(state.tls.fingerprint);
  await page.getByLabel('配对码').fill(code);
  await page.getByLabel('终端名称').fill(seatName);
  await screenshot(page, shot);
  await page.getByRole('button', { name: '核对无误,配对' }).click();
  await page.locator('form.form input[name="password"]').waitFor();
}

async function logout(seat: Seat): Promise<void> {
  await seat.page.getByRole('button', { name: '注销', exact: true }).click();
  await seat.page.locator('form.form input[name="password"]').waitFor();
}

async function login(seat: Seat, username: string, password = DEMO_PASSWORD): Promise<void> {
  await submitLogin(seat.page, username, password);
  await seat.page.getByRole('tree').waitFor();
}

/** Whether the page's event socket is open (<html data-events>, set by renderer/api/events.ts). */
const eventsOpen = (page: Page) => page.evaluate(() => document.documentElement.dataset.events);

/** Quick find → Enter opens the card → 编辑 opens the form. */
async function openCustomerForm(page: Page, name: string) {
  await page.getByRole('treeitem', { name: '我的客户' }).click();
  await page.locator('#tabpanel-sales_myCustomers .ag-row[row-index="0"]').waitFor();
  await page.keyboard.press('Control+f');
  await page.keyboard.type(name, { delay: 30 });
  await page.getByTestId('search-hit').filter({ hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  const card = page.getByTestId('customer-card');
  await card.locator('.toolbar-title', { hasText: name }).waitFor();
  await card.getByRole('button', { name: '编辑' }).click();
  return page.getByTestId('customer-form');
}

const uid = (username: string) => state.core.sqlite.prepare('SELECT id FROM users WHERE username = ?').pluck().get(username) as number;

describe('two seats of one host over TLS (Chromium, pinned certificate)', () => {
  beforeAll(async () => {
    state.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dscrm-e2e-seats-'));
    state.core = await createCore({ dataDir: state.dataDir, bootstrapAdmin: false });
    await seedDemo(state.core.sqlite, { customers: 600 });
    state.tls = loadOrCreateHostCertificate(state.dataDir, { names: ['localhost', '127.0.0.1'] });
    await startHost(0, 0);
    state.loopbackPort = state.host.port;
    state.lanPort = state.host.lan!.port;
    state.lanUrl = `https://127.0.0.1:${state.lanPort}/`;
    state.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [...CHROMIUM_ARGS, `--ignore-certificate-errors-spki-list=${spkiPin(state.tls.cert)}`],
      env: { ...process.env, LANGUAGE: 'zh_CN' },
    });
    // The host PC's own browser (loopback, plain HTTP): the administrator's 终端管理 and 用户管理.
    state.adminBrowser = await launchBrowser();
    const adminContext = await state.adminBrowser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 800 } });
    adminContext.setDefaultTimeout(15_000);
    state.admin = await adminContext.newPage();
    state.core.settings.set('security.idleLockMinutes', 240);
    await loginToShell(state.admin, state.host.url, 'admin', DEMO_PASSWORD);
    state.a = await openSeat(state.browser);
    state.b = await openSeat(state.browser);
  }, 180_000);

  afterAll(async () => {
    await state.browser?.close();
    await state.adminBrowser?.close();
    await state.host?.close();
    state.core?.close();
    if (state.dataDir) fs.rmSync(state.dataDir, { recursive: true, force: true });
  });

  it('the pin trusts the host’s key and nothing else', async () => {
    // Another self-signed certificate on loopback: this browser refuses it, so the flag is a pin,
    // not --ignore-certificate-errors.
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dscrm-e2e-other-'));
    const other = loadOrCreateHostCertificate(otherDir, { names: ['localhost', '127.0.0.1'] });
    const impostor = https.createServer({ key: other.key, cert: other.cert }, (_req, res) => res.end('impostor'));
    await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
    // A throwaway context: the error page it ends on must not race the seats' own navigations.
    const probe = await openSeat(state.browser);
    try {
      const port = (impostor.address() as AddressInfo).port;
      await expect(probe.page.goto(`https://127.0.0.1:${port}/`)).rejects.toThrow(/ERR_CERT_AUTHORITY_INVALID/);
      const host = await (await probe.context.newPage()).goto(state.lanUrl);
      expect(host?.ok()).toBe(true);
    } finally {
      await probe.context.close();
      await new Promise<void>((resolve) => impostor.close(() => resolve()));
      impostor.closeAllConnections();
      fs.rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('each seat pairs on the browser pairing page with a code from 终端管理, after comparing the fingerprint', async () => {
    await pairSeat(state.a, '客服部-A', 'lan-seats-a-pair');
    await pairSeat(state.b, '客服部-B', 'lan-seats-b-pair');
    const seats = state.core.seats.list();
    expect(seats.map((s) => [s.name, s.status])).toEqual([
      ['客服部-A', 'active'],
      ['客服部-B', 'active'],
    ]);
  });

  it('a task handed out in 任务分配 on seat A appears on the agent’s 客服工作台 on seat B within a second, without a reload', async () => {
    const { a, b } = state;
    const sq = state.core.sqlite;
    // The pool holds only this test's tasks: three customers' birthday calls due today.
    sq.prepare('UPDATE tasks SET assignee_id = ? WHERE assignee_id IS NULL').run(uid('service3'));
    const customers = sq.prepare('SELECT id FROM customers ORDER BY id LIMIT 3').pluck().all() as number[];
    const today = todayIn('Asia/Shanghai', Date.now());
    createTasks(state.core, null, customers.map((customerId) => ({ kind: 'birthday' as const, customerId, dueDate: today, reason: TASK_REASON })));

    await login(b, 'service1');
    await b.page.getByRole('treeitem', { name: '客服工作台' }).click();
    const rows = b.page.getByTestId('workbench-rows');
    await rows.waitFor();
    const mine = rows.locator('tr', { hasText: TASK_REASON });
    expect(await mine.count()).toBe(0);
    await expect.poll(() => eventsOpen(b.page)).toBe('open');
    await b.page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    await login(a, 'csmanager');
    await a.page.getByRole('treeitem', { name: '任务分配' }).click();
    await a.page.getByTestId('taskpool-screen').waitFor();
    await a.page.getByTestId('grid-total').filter({ hasText: '3' }).waitFor();
    await a.page.locator('.ag-row[row-index="0"] .ag-selection-checkbox input, .ag-row[row-index="0"] input[type="checkbox"]').first().check();
    await a.page.getByTestId('tp-assign').filter({ hasText: '分配所选 1 条' }).click();
    await a.page.getByTestId('tp-dialog').getByLabel('马丽').check();
    await screenshot(a.page, 'lan-seats-a-assign');
    const answered = a.page.waitForResponse((r) => r.url().endsWith('/api/taskPool.assign')).then(() => Date.now());
    await a.page.getByTestId('tp-submit').click();
    // From the host's answer to seat A: the event over B's socket, B's reload of its list, drawn.
    await mine.first().waitFor({ timeout: 1_000 });
    const latency = Date.now() - (await answered);
    console.log(`[lan-seats] task handed out on seat A → on seat B's workbench ${latency} ms after the host answered A`);
    expect(latency).toBeLessThan(1_000);
    await a.page.getByText(/^已分配 1 条:/).waitFor();
    expect(await mine.count()).toBe(1);
    expect(await b.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await screenshot(b.page, 'lan-seats-b-workbench');
  });

  it('a 领导批阅 comment made on seat A reaches the consultant on seat B', async () => {
    const { a, b } = state;
    await logout(a);
    await logout(b);
    await login(b, 'sales1');
    await b.page.getByTestId('home-notifications').waitFor();
    await expect.poll(() => eventsOpen(b.page)).toBe('open');
    const target = state.core.sqlite
      .prepare(
        `SELECT a.id, cu.name AS customerName FROM activities a JOIN customers cu ON cu.id = a.customer_id
         WHERE a.owner_id = ? AND a.status = 'planned' ORDER BY a.planned_at, a.id LIMIT 1`,
      )
      .get(uid('sales1')) as { id: number; customerName: string };

    await login(a, 'manager');
    await a.page.getByRole('treeitem', { name: '跟踪计划' }).click();
    await a.page.getByRole('tab', { name: '领导批阅' }).click();
    const panel = a.page.getByTestId('review-panel');
    const select = panel.getByTestId('review-consultant');
    await select.selectOption((await select.locator('option', { hasText: '张伟' }).getAttribute('value'))!);
    await panel.getByTestId(`review-open-${target.id}`).click();
    const dialog = a.page.getByRole('dialog', { name: '活动详情' });
    await dialog.getByTestId('comment-text').fill(COMMENT);
    await dialog.getByRole('button', { name: '批阅', exact: true }).click();
    await dialog.getByTestId('comment').filter({ hasText: COMMENT }).waitFor();
    const saved = Date.now();
    // Seat B: the toast and the home screen's list, pushed, no reload.
    await b.page.getByTestId('home-notifications').getByTestId('notification').filter({ hasText: COMMENT }).waitFor({ timeout: 1_000 });
    console.log(`[lan-seats] 领导批阅 comment saved on seat A → on seat B's home screen after ${Date.now() - saved} ms`);
    await b.page.getByText(/^新的领导批阅:/).first().waitFor();
    await screenshot(b.page, 'lan-seats-b-comment');
    await dialog.locator('button.dialog-close').click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('a stale save on seat B is refused with 该记录已被他人修改 and the values seat A saved', async () => {
    const { a, b } = state;
    const sq = state.core.sqlite;
    const c = sq
      .prepare(
        `SELECT c.id, c.name FROM customers c WHERE c.owner_id = ? AND length(c.name) = 3 AND c.city IS NOT NULL AND c.city NOT IN ('佛山', '东莞')
           AND (SELECT count(*) FROM customers d WHERE d.name = c.name) = 1 ORDER BY c.id LIMIT 1`,
      )
      .get(uid('sales1')) as { id: number; name: string };
    const v0 = sq.prepare('SELECT version FROM customers WHERE id = ?').pluck().get(c.id) as number;
    const formA = await openCustomerForm(a.page, c.name);
    const formB = await openCustomerForm(b.page, c.name);

    await formA.getByLabel('城市').fill('佛山');
    await a.page.getByTestId('customer-save').click();
    await formA.waitFor({ state: 'detached' });

    await formB.getByLabel('城市').fill('东莞');
    await b.page.getByTestId('customer-save').click();
    const notice = b.page.getByTestId('stale-notice');
    await notice.getByText('该记录已被他人修改,请查看最新内容后再保存').waitFor();
    const city = notice.getByTestId('stale-field-city');
    expect(await city.getByTestId('stale-theirs').textContent()).toBe('佛山');
    expect(await city.getByTestId('stale-mine').textContent()).toBe('东莞');
    expect(sq.prepare('SELECT city, version FROM customers WHERE id = ?').get(c.id)).toEqual({ city: '佛山', version: v0 + 1 });
    await screenshot(b.page, 'lan-seats-b-stale');
    await b.page.getByRole('dialog').filter({ has: formB }).getByRole('button', { name: '取消' }).click();
    await formB.waitFor({ state: 'detached' });
  });

  it('锁定 on seat A does not lock seat B', async () => {
    const { a, b } = state;
    await a.page.getByRole('contentinfo').getByRole('button', { name: /锁定/ }).click();
    const lockA = a.page.getByRole('dialog', { name: '程序已锁定' });
    await lockA.waitFor();
    expect((await apiFromPage(a.page, 'auth.session')).status).toBe(423);
    // B: no lock screen, and its session answers.
    await b.page.getByRole('treeitem', { name: '跟踪计划' }).click();
    await b.page.getByRole('tab', { name: '跟踪计划', selected: true }).waitFor();
    await b.page.locator('#tabpanel-sales_followUpPlans .ag-row[row-index="0"]').waitFor();
    expect(await b.page.getByRole('dialog', { name: '程序已锁定' }).count()).toBe(0);
    expect((await apiFromPage(b.page, 'auth.session')).status).toBe(200);
    await screenshot(a.page, 'lan-seats-a-locked');
    await screenshot(b.page, 'lan-seats-b-not-locked');
    await a.page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await a.page.getByRole('button', { name: '解锁' }).click();
    await lockA.waitFor({ state: 'detached' });
  });

  it('the host restarted on the same port and data folder: both seats reconnect and keep working in the same session', async () => {
    const { a, b } = state;
    const t0 = Date.now();
    await state.host.close();
    const closedMs = Date.now() - t0;
    // The seats' idle connections do not hold the stop (they used to, for a minute).
    expect(closedMs).toBeLessThan(3_000);
    state.core.close();
    await expect.poll(() => eventsOpen(b.page), { timeout: 5_000 }).toBe('closed');
    state.core = await createCore({ dataDir: state.dataDir, bootstrapAdmin: false });
    state.tls = loadOrCreateHostCertificate(state.dataDir, { names: ['localhost', '127.0.0.1'] });
    await startHost(state.loopbackPort, state.lanPort);
    const startedMs = Date.now() - t0;
    // The sockets come back by themselves (back-off), with the same sessions.
    await expect.poll(() => eventsOpen(a.page), { timeout: 20_000 }).toBe('open');
    await expect.poll(() => eventsOpen(b.page), { timeout: 20_000 }).toBe('open');
    console.log(`[lan-seats] host restart: closed in ${closedMs} ms, listening again at ${startedMs} ms, both seats' sockets open at ${Date.now() - t0} ms`);
    expect((await apiFromPage(a.page, 'auth.session')).status).toBe(200);
    // B works on: a screen loads from the restarted host; the login page never showed.
    await b.page.getByRole('treeitem', { name: '我的客户' }).click();
    await b.page.locator('#tabpanel-sales_myCustomers .ag-row[row-index="0"]').waitFor();
    expect(await b.page.locator('form.form input[name="password"]').count()).toBe(0);
    // And events flow again: another comment from A reaches B.
    // A plan of another customer than before, so its toast (新的领导批阅:李明 · 客户 · …) is a new one.
    const target = state.core.sqlite
      .prepare(
        `SELECT a.id, cu.name AS customerName FROM activities a JOIN customers cu ON cu.id = a.customer_id
          WHERE a.owner_id = ? AND a.status = 'planned' ORDER BY a.planned_at DESC, a.id DESC LIMIT 1`,
      )
      .get(uid('sales1')) as { id: number; customerName: string };
    const r = await apiFromPage(a.page, 'review.comment', { activityId: target.id, text: '主机重启后的批阅' });
    expect(r.status).toBe(200);
    await b.page.getByText(`新的领导批阅:李明 · ${target.customerName}`).first().waitFor({ timeout: 2_000 });
    await screenshot(b.page, 'lan-seats-b-after-restart');
  });

  it('a password reset of B’s user by the admin ends B’s session on its seat: it lands on the login page', async () => {
    const { a, b, admin } = state;
    await admin.reload();
    await admin.getByRole('treeitem', { name: '用户管理' }).click();
    const row = admin.getByRole('row').filter({ hasText: 'sales1' });
    await row.getByRole('button', { name: '重置密码' }).click();
    await admin.getByRole('dialog', { name: '重置密码' }).getByRole('button', { name: '重置密码' }).click();
    const otp = admin.getByRole('dialog').filter({ has: admin.getByTestId('one-time-password') });
    await otp.waitFor();
    await b.page.locator('form.form input[name="password"]').waitFor({ timeout: 3_000 });
    // It says why, not 您已在其他窗口注销 (nobody logged out).
    await b.page.getByText('管理员已重置您的密码,请用管理员提供的一次性密码重新登录').waitFor();
    await screenshot(b.page, 'lan-seats-b-reset');
    await otp.getByRole('button', { name: '确定' }).click();
    // A, another user, works on.
    expect((await apiFromPage(a.page, 'auth.session')).status).toBe(200);
    expect(await a.page.getByRole('tree').count()).toBe(1);
  });

  it('the admin revokes seat B in 终端管理: B is refused at once and shown the pairing page', async () => {
    const { a, b, admin } = state;
    await login(b, 'sales2');
    await expect.poll(() => eventsOpen(b.page)).toBe('open');
    await admin.getByRole('treeitem', { name: '终端管理' }).click();
    const grid = admin.getByRole('table', { name: '终端管理' });
    const row = grid.getByRole('row').filter({ hasText: '客服部-B' });
    await row.getByRole('button', { name: '停用' }).click();
    await admin.getByRole('dialog', { name: '停用终端' }).getByRole('button', { name: '停用' }).click();
    await row.getByText('已停用').waitFor();
    await expect.poll(() => eventsOpen(b.page), { timeout: 2_000 }).toBe('closed');
    await b.page.getByText('本终端已被管理员停用,请联系管理员重新配对').waitFor({ timeout: 5_000 });
    await b.page.getByRole('heading', { name: '需要重新配对' }).waitFor();
    await screenshot(b.page, 'lan-seats-b-revoked');
    expect((await apiFromPage(b.page, 'auth.session')).body.error?.code).toBe('SEAT_REVOKED');
    // Seat A is untouched.
    expect((await apiFromPage(a.page, 'auth.session')).status).toBe(200);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
