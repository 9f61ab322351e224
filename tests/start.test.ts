/**
 * `npm start`: Electron when its binary is there, otherwise the web host on the demo database.
 * The choice is tested on fake electron package folders; the web path is tested end to end by
 * running the script with an Electron that is missing on every machine (an empty
 * ELECTRON_OVERRIDE_DIST_PATH), so this test never launches a real Electron.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { LAUNCHER_OUT, serverBundleStale } from '../scripts/build-server';
import { findElectronBinary, planStart } from '../scripts/start';
import { tempDir } from './support/core';

const root = path.resolve(import.meta.dirname, '..');
const dirs: string[] = [];
const temp = (prefix: string) => {
  const d = tempDir(prefix);
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A folder shaped like node_modules/electron, with or without a downloaded binary. */
function fakeElectronPackage(opts: { pathTxt?: string; binary?: boolean }): string {
  const dir = temp('dscrm-electron-');
  fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"electron"}');
  if (opts.pathTxt !== undefined) fs.writeFileSync(path.join(dir, 'path.txt'), opts.pathTxt);
  if (opts.binary) {
    fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'dist', opts.pathTxt ?? 'electron'), '#!/bin/sh\n', { mode: 0o755 });
  }
  return dir;
}

describe('which host npm start runs', () => {
  it('runs Electron when the package has downloaded its binary', () => {
    const dir = fakeElectronPackage({ pathTxt: 'electron', binary: true });
    const electron = findElectronBinary({ electronDir: dir, env: {} });
    expect(electron).toEqual({ ok: true, path: path.join(dir, 'dist', 'electron') });
    expect(planStart({ electron })).toEqual({ host: 'electron', binary: path.join(dir, 'dist', 'electron') });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const dir = fakeElectronPackage({});
    const dist = temp('dscrm-electron-dist-');
    fs.writeFileSync(path.join(dist, 'electron'), '');
    expect(findElectronBinary({ electronDir: dir, env: { ELECTRON_OVERRIDE_DIST_PATH: dist } })).toEqual({ ok: true, path: path.join(dist, 'electron') });
  });

  it.each([
    ['the binary was never downloaded', {}],
    ['path.txt names a file that is not there', { pathTxt: 'electron' }],
  ])('falls back to the web host with one bilingual line when %s', (_why, pkg) => {
    const electron = findElectronBinary({ electronDir: fakeElectronPackage(pkg), env: {} });
    expect(electron.ok).toBe(false);
    const plan = planStart({ electron });
    expect(plan.host).toBe('web');
    const notice = (plan as { notice: string }).notice;
    expect(notice.split('\n')).toHaveLength(1);
    expect(notice).toMatch(/Electron/);
    expect(notice).toMatch(/[\u4e00-\u9fff]/); // Chinese too
    expect(notice).toMatch(/web host/);
  });

  it('--web starts the web host even when Electron is there', () => {
    const electron = findElectronBinary({ electronDir: fakeElectronPackage({ pathTxt: 'electron', binary: true }), env: {} });
    expect(planStart({ forceWeb: true, electron }).host).toBe('web');
  });
});

/** Runs `tsx scripts/start.ts …` and collects its output until `until` matches (or it exits). */
function runStart(args: string[], env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const waitFor = (until: RegExp, timeoutMs: number) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = out.match(until);
        if (m) {
          clearInterval(timer);
          resolve(m);
        } else if (child.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`start.ts exited (${child.exitCode}) before printing ${until}:\n${out}`));
        }
      }, 50);
      setTimeout(() => {
        clearInterval(timer);
        reject(new Error(`timed out waiting for ${until}:\n${out}`));
      }, timeoutMs);
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { waitFor, stop, output: () => out, pid: child.pid! };
}

/** The command lines of a process's descendants (Linux /proc, where the tests run; tsx's CLI runs the script in a child). */
function descendantCommandLines(pid: number): string[] {
  const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return children.flatMap((c) => [fs.readFileSync(`/proc/${c}/cmdline`, 'utf8').split('\0').join(' '), ...descendantCommandLines(c)]);
}

describe('npm start without an Electron binary', () => {
  it('says so in one line, creates the demo database once, and serves it on loopback', async () => {
    const dataDir = temp('dscrm-start-data-');
    const env = { DSCRM_DATA_DIR: dataDir, ELECTRON_OVERRIDE_DIST_PATH: temp('dscrm-no-electron-') };

    const first = runStart(['--no-build', '--port', '0'], env);
    try {
      const [, url] = await first.waitFor(/web host: (http:\/\/127\.0\.0\.1:\d+\/)/, 150_000);
      // The web host runs from the bundle, as `npm run serve` runs it, built first if it was stale.
      expect(descendantCommandLines(first.pid).some((c) => c.includes(LAUNCHER_OUT))).toBe(true);
      expect(serverBundleStale()).toBeNull();
      const lines = first.output().split('\n');
      expect(lines[0]).toMatch(/Electron binary missing.*web host/);
      expect(lines.filter((l) => /Electron binary missing/.test(l))).toHaveLength(1);
      // The demo users line names the log-ins; the first one works against the running server.
      const users = /Demo users: ([\w.-]+)[^\n]*password: (\S+)/.exec(first.output());
      expect(users).not.toBeNull();
      const [, username, password] = users!;
      const r = await fetch(`${url}api/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      expect(r.status).toBe(200);
      expect(await r.json()).toMatchObject({ ok: true, value: { user: { username } } });
    } finally {
      await first.stop();
    }
    expect(fs.readdirSync(dataDir).filter((f) => f.includes('seeding'))).toEqual([]);
    const sqlite = new Database(path.join(dataDir, 'dscrm.sqlite'), { readonly: true });
    try {
      expect(sqlite.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 2000 });
    } finally {
      sqlite.close();
    }

    // The second start finds the database and does not seed again.
    const second = runStart(['--no-build', '--port', '0'], env);
    try {
      await second.waitFor(/web host: http:\/\/127\.0\.0\.1:\d+\//, 60_000);
      expect(second.output()).not.toMatch(/Demo users|demo database/);
    } finally {
      await second.stop();
    }
  }, 240_000);
});
