import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../electron/common/api/contract';
import { WindowSessions } from '../electron/main/window-sessions';
import { startWebHost, type WebHost } from '../electron/node/webhost/server';
import { salesFloor } from './fixtures/sales-floor';
import { GOOD_PASSWORD, makeCore, tempDir, userWithSession, type TestCore } from './support/core';

/**
 * The two hosts in front of one core — the Electron transport (WindowSessions, what ipcMain's API
 * channel calls) and the web host's /api/<method> — accept and refuse the same requests: the same
 * method with the same user's session gets the same answer, or the same error code and message.
 * Each host logs its user in its own way (the window's held token, the HttpOnly cookie).
 */
let t: TestCore;
let host: WebHost;
let staticDir: string;
let windows: WindowSessions;
let floor: Awaited<ReturnType<typeof salesFloor>>;
const cookies: Record<string, string> = {};
const windowOf: Record<string, number> = {};
let mine = 0;
let theirs = 0;

type Who = 'nobody' | 's1' | 'admin' | 'locked';

beforeAll(async () => {
  t = await makeCore();
  staticDir = tempDir('dscrm-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><div id="root"></div>');
  host = await startWebHost({ core: t.core, port: 0, staticDir });
  windows = new WindowSessions(t.core, () => {});
  floor = await salesFloor(t);
  await userWithSession(t.core, 'admin', 'admin');
  await userWithSession(t.core, 'locked', 'salesConsultant');
  mine = floor.customer(floor.uid.s1!, '张伟');
  theirs = floor.customer(floor.uid.s3!, '李娜');
  let nextWindow = 1;
  for (const user of ['s1', 'admin', 'locked']) {
    const web = await fetch(`${host.url}api/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user, password: GOOD_PASSWORD }),
    });
    expect(web.status).toBe(200);
    cookies[user] = web.headers.get('set-cookie')!.split(';')[0]!;
    windowOf[user] = nextWindow++;
    expect((await windows.call(windowOf[user]!, 'auth.login', { username: user, password: GOOD_PASSWORD })).ok).toBe(true);
  }
  expect((await web('locked', 'auth.lock', {})).ok).toBe(true);
  expect((await electron('locked', 'auth.lock', {})).ok).toBe(true);
}, 60_000);
afterAll(async () => {
  windows.dispose();
  await host.close();
  t.cleanup();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

async function web(who: Who, method: string, input: unknown): Promise<ApiResult<unknown>> {
  const r = await fetch(`${host.url}api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(who === 'nobody' ? {} : { cookie: cookies[who]! }) },
    body: JSON.stringify(input),
  });
  return (await r.json()) as ApiResult<unknown>;
}

const electron = (who: Who, method: string, input: unknown) => windows.call(who === 'nobody' ? 99 : windowOf[who]!, method, input);

/** [what, who, method, input, the expected answer: 'ok' or an error code]. */
const CASES: [string, Who, string, () => unknown, string][] = [
  ['no session', 'nobody', 'customers.get', () => ({ id: mine }), 'UNAUTHENTICATED'],
  ['no session, a method anyone may call', 'nobody', 'auth.session', () => ({}), 'UNAUTHENTICATED'],
  ['own customer', 's1', 'customers.get', () => ({ id: mine }), 'ok'],
  ["another consultant's customer", 's1', 'customers.get', () => ({ id: theirs }), 'NOT_FOUND'],
  ['a customer that does not exist', 's1', 'customers.get', () => ({ id: 999_999 }), 'NOT_FOUND'],
  ['wrong role (admin screen for a consultant)', 's1', 'admin.users.list', () => ({}), 'FORBIDDEN'],
  ['allowed role', 'admin', 'admin.users.list', () => ({}), 'ok'],
  ['bad input (negative id)', 's1', 'customers.get', () => ({ id: -3 }), 'INVALID_INPUT'],
  ['bad input (wrong type)', 's1', 'customers.get', () => ({ id: 'x' }), 'INVALID_INPUT'],
  ['bad input on a create', 's1', 'customers.create', () => ({ name: '' }), 'INVALID_INPUT'],
  ['unknown method', 's1', 'customers.nope', () => ({}), 'UNKNOWN_METHOD'],
  ['locked session', 'locked', 'customers.get', () => ({ id: mine }), 'SESSION_LOCKED'],
  ['locked session, even its own session info', 'locked', 'auth.session', () => ({}), 'SESSION_LOCKED'],
  ['locked session, unlock with a wrong password', 'locked', 'auth.unlock', () => ({ password: 'wrong-password-1' }), 'BAD_CREDENTIALS'],
  ['quick find, own scope', 's1', 'customers.search', () => ({ q: '张伟' }), 'ok'],
  ['quick find hides others', 's1', 'customers.search', () => ({ q: '李娜' }), 'ok'],
];

describe('Electron IPC and the web host answer alike', () => {
  it.each(CASES)('%s: %s calls %s', async (_what, who, method, input, expected) => {
    const [w, e] = [await web(who, method, input()), await electron(who, method, input())];
    expect(w.ok ? 'ok' : w.error.code).toBe(expected);
    if (w.ok && e.ok) expect(e.value).toEqual(w.value);
    else expect(e).toEqual(w);
  });
});
