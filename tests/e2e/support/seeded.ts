/**
 * One core per test file on a seeded demo database (seedDemo, users with password 'demo1234'),
 * served by the web host as `npm run serve` serves it (able to restart its core for a restore;
 * `core` and `host` follow a restart); a fresh browser context per test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createCore, type Core } from '../../../electron/node/core';
import { DEMO_PASSWORD, seedDemo } from '../../../electron/node/features/demo/seed';
import type { WebHost } from '../../../electron/node/webhost/server';
import { serveDataFolder, type Serving } from '../../../electron/node/webhost/serving';
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
  let serving: Serving | undefined;
  const env = {
    get core() {
      return serving!.core;
    },
    get host() {
      return serving!.host;
    },
  } as SeededApp;
  let dataDir = '';
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dscrm-e2e-seed-'));
    const seeding = await createCore({ dataDir, bootstrapAdmin: false });
    await seedDemo(seeding.sqlite, { customers });
    await seeding.closeAndWait();
    serving = await serveDataFolder({ dataDir, port: 0, host: '127.0.0.1', staticDir: path.join(ROOT, 'dist', 'renderer'), scheduler: false, core: { bootstrapAdmin: false } });
    env.url = serving.host.url;
    env.browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await env.browser?.close();
    await serving?.stop();
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
