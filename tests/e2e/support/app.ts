/**
 * Browser-test harness: a real core on a temp data folder, the web host on a free port serving
 * dist/renderer, and Debian's Chromium through playwright-core (never a downloaded browser).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createCore, type Core } from '../../../electron/node/core';
import { startWebHost, type WebHost } from '../../../electron/node/webhost/server';
import type { Role } from '../../../electron/common/roles';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const RESULTS_DIR = path.join(ROOT, 'test-results', 'e2e');
export const GOOD_PASSWORD = 'Dealer2026ok';

/** Flags from docs/ENVIRONMENT: no sandbox (containers), no GPU, and no background traffic into the closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // The zh-CN UI as on a Chinese Windows: date inputs read 2026/11/30, not the en-US 11/30/2026.
  // On Linux Chromium takes its locale from LANGUAGE (launchBrowser) and needs Debian's
  // chromium-l10n for the zh-CN locale data; without it, it silently falls back to en-US.
  '--lang=zh-CN',
];

export interface TestApp {
  core: Core;
  host: WebHost;
  url: string;
  dataDir: string;
  /** The first-run admin's one-time password (the database starts empty). */
  adminOneTimePassword: string;
  close(): Promise<void>;
}

export async function startApp(): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dscrm-e2e-'));
  const core = await createCore({ dataDir });
  if (!core.firstRun) throw new Error('an empty database must create the first admin');
  const host = await startWebHost({ core, port: 0, staticDir: path.join(ROOT, 'dist', 'renderer') });
  return {
    core,
    host,
    url: host.url,
    dataDir,
    adminOneTimePassword: core.firstRun.oneTimePassword,
    close: async () => {
      await host.close();
      core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, LANGUAGE: 'zh_CN' },
  });
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions in the page; a test expects none. */
  errors: Error[];
}

/** A fresh context (no cookies, no storage) with one page, in Chinese like a dealer's PC. */
export async function openPage(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<TestPage> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  return { context, page, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** A user as an administrator would create one; returns the one-time password. */
export async function createUser(core: Core, username: string, displayName: string, role: Role): Promise<string> {
  const { oneTimePassword } = await core.auth.createUser(null, { username, displayName, role });
  return oneTimePassword;
}

/** A user who has already replaced the one-time password with GOOD_PASSWORD. */
export async function createActiveUser(core: Core, username: string, displayName: string, role: Role): Promise<void> {
  const otp = await createUser(core, username, displayName, role);
  const { session } = await core.auth.login(username, otp);
  await core.auth.changePassword(session, otp, GOOD_PASSWORD);
  core.auth.logout(session);
}

/** Fills the login form (in whichever language it shows) and submits it. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  const form = page.locator('form.form');
  await form.locator('input[name="username"]').fill(username);
  await form.locator('input[name="password"]').fill(password);
  await form.locator('button[type="submit"]').click();
}

/** Logs in through the UI and waits for the main window. */
export async function loginToShell(page: Page, url: string, username: string, password = GOOD_PASSWORD): Promise<void> {
  await page.goto(url);
  await submitLogin(page, username, password);
  await page.getByRole('tree').waitFor();
}

/** The top-level modules the navigation tree shows, in order. */
export async function treeModules(page: Page): Promise<string[]> {
  return (await page.locator('[role="treeitem"][aria-level="1"] .tree-label').allTextContents()).map((s) => s.trim());
}

/** POST /api/<method> from inside the page, with the page's own cookie; returns status and body. */
export async function apiFromPage(page: Page, method: string, input: unknown = {}): Promise<{ status: number; body: { ok: boolean; error?: { code: string; message: string } } }> {
  return page.evaluate(
    async ({ method, input }) => {
      const r = await fetch('/api/' + method, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
      return { status: r.status, body: await r.json() };
    },
    { method, input },
  );
}

export interface AppPerTest {
  browser: Browser;
  app: TestApp;
  tp: TestPage;
}

/**
 * One browser per file; a fresh core, web host and browser context per test. Registers the vitest
 * hooks and fails a test whose page logged an error.
 */
export function useFreshAppPerTest(): AppPerTest {
  const env = {} as AppPerTest;
  beforeAll(async () => {
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
  });
  beforeEach(async () => {
    env.app = await startApp();
    env.tp = await openPage(env.browser);
  });
  afterEach(async () => {
    await env.tp?.context.close();
    await env.app?.close();
    expect(env.tp.errors.map(String)).toEqual([]);
  });
  return env;
}
