/**
 * One core per test file on a seeded demo database (seedDemo, users with password 'demo1234'),
 * served by the web host; a fresh browser context per test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createCore, type Core } from '../../../electron/node/core';
import { DEMO_PASSWORD, seedDemo } from '../../../electron/node/features/demo/seed';
import { startWebHost, type WebHost } from '../../../electron/node/webhost/server';
import { launchBrowser, openPage, ROOT, type TestPage } from './app';

export { DEMO_PASSWORD };

export interface SeededApp {
  browser: Browser;
  core: Core;
  host: WebHost;
  url: string;
  tp: TestPage;
}

export function useSeededApp(customers = 100_000): SeededApp {
  const env = {} as SeededApp;
  let dataDir = '';
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dscrm-e2e-seed-'));
    env.core = await createCore({ dataDir, bootstrapAdmin: false });
    await seedDemo(env.core.sqlite, { customers });
    env.host = await startWebHost({ core: env.core, port: 0, staticDir: path.join(ROOT, 'dist', 'renderer') });
    env.url = env.host.url;
    env.browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await env.browser?.close();
    await env.host?.close();
    env.core?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    env.tp = await openPage(env.browser);
  });
  afterEach(async () => {
    await env.tp?.context.close();
    expect(env.tp.errors.map(String)).toEqual([]);
  });
  return env;
}
