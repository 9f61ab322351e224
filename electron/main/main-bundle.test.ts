/**
 * The Electron binary cannot run on the build machines, so this loads the real bundle
 * (dist-like output of scripts/build-electron.ts) under plain Node with a stand-in for the
 * `electron` module, and drives it the way Electron would: app ready, IPC invokes from the window,
 * minimise, OS lock, idle time, tray menu, quit. It checks the wiring (bundle loads, migrations
 * found, token kept in the main process, events forwarded, locks applied, navigation refused) —
 * not Electron's own behaviour, which only a run on a real desktop shows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_API_CHANNEL, IPC_EVENT_CHANNEL, IPC_PICK_FOLDER_CHANNEL } from '../common/bridge';
import type { ApiResult } from '../common/api/contract';
import { tempDir } from '../../tests/support/core';
import { FakeWebContents, useBundledMain, type Stub } from './electron-stub.test-support';

const { launch } = useBundledMain();

describe('bundled Electron main (electron stubbed)', () => {
  let s: Stub;
  let appDir: string;
  let password = '';

  const win = () => s.windows[0]!;
  const invoke = (method: unknown, input: unknown = {}, frame?: { url: string }, locale?: string) =>
    s.handlers.get(IPC_API_CHANNEL)!(
      { sender: win().webContents, senderFrame: frame ?? win().webContents.mainFrame },
      method,
      input,
      locale,
    ) as Promise<ApiResult<unknown>>;
  // The session's own events (the agent state's, which follow the lock too, are the call centre's: tested there).
  const eventsSent = () =>
    win()
      .webContents.sent.filter((m) => m.channel === IPC_EVENT_CHANNEL)
      .map((m) => m.msg)
      .filter((m) => (m as { event: string }).event !== 'callCenter.agentState');

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    // seat.json says local: this PC keeps its own database (the first-start choice was made).
    ({ s, appDir } = launch({ seat: { mode: 'local' } }));
    await vi.waitFor(() => expect(s.boxes.length).toBe(1), { timeout: 20_000 });
  }, 30_000);
  afterAll(() => vi.useRealTimers());

  it('opens one hardened window on the built renderer, with the bundled preload', () => {
    expect(s.errors).toEqual([]);
    expect(s.windows).toHaveLength(1);
    const prefs = win().options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, nodeIntegration: false, sandbox: true });
    expect(prefs.preload).toBe(path.join(appDir, 'dist', 'electron', 'preload.cjs'));
    expect(win().loaded).toBe(path.join(appDir, 'dist', 'renderer', 'index.html'));
    expect(process.env.DSCRM_MIGRATIONS_DIR).toBe(path.join(appDir, 'migrations'));
  });

  it('shows the first-run admin password once, and copies it on request', () => {
    const box = s.boxes[0]!;
    password = /One-time password: (\S+)/.exec(box.detail ?? '')?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(8);
    expect(box.detail).toContain('admin');
    expect(s.clipboardText).toEqual([password]);
  });

  it('answers the login page in the language it chose, else the OS language', async () => {
    const en = await invoke('auth.login', { username: 'admin', password: 'wrong' }, undefined, 'en');
    expect(en).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS', message: expect.stringMatching(/^Wrong user name/) } });
    const os = await invoke('auth.login', { username: 'admin', password: 'wrong' });
    expect(os).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^用户名或密码错误/) } });
  });

  it('keeps the session token in the main process: login, then calls succeed without one', async () => {
    expect((await invoke('auth.session')).ok).toBe(false);
    const login = await invoke('auth.login', { username: 'admin', password });
    expect(login.ok).toBe(true);
    expect(Object.keys((login as { value: object }).value)).not.toContain('token');
    const again = await invoke('auth.session');
    expect(again).toMatchObject({ ok: true, value: { user: { username: 'admin' }, mustChangePassword: true } });
  });

  it('refuses calls from a frame that is not our page, and non-string methods', async () => {
    await expect(invoke('auth.session', {}, { url: 'https://example.com/' })).rejects.toThrow(/untrusted/);
    expect(await invoke(42)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('locks on minimise and pushes session.locked to the window', async () => {
    win().minimize();
    expect(eventsSent().at(-1)).toEqual({ event: 'session.locked', payload: { reason: 'system' } });
    expect(await invoke('auth.session')).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    expect((await invoke('auth.unlock', { password })).ok).toBe(true);
    expect(eventsSent().at(-1)).toEqual({ event: 'session.unlocked', payload: {} });
  });

  it('locks on the OS lock screen and on suspend', async () => {
    for (const signal of ['lock-screen', 'suspend']) {
      s.electron.powerMonitor.emit(signal);
      expect(eventsSent().at(-1)).toEqual({ event: 'session.locked', payload: { reason: 'system' } });
      expect((await invoke('auth.unlock', { password })).ok).toBe(true);
    }
  });

  it('locks when the OS idle time passes the idle-lock setting (polled every 30 s)', async () => {
    s.setIdle(4 * 60); // default setting: 5 minutes
    vi.advanceTimersByTime(30_000);
    expect(eventsSent().at(-1)).toEqual({ event: 'session.unlocked', payload: {} });
    s.setIdle(5 * 60);
    vi.advanceTimersByTime(30_000);
    expect(eventsSent().at(-1)).toEqual({ event: 'session.locked', payload: { reason: 'idle' } });
    s.setIdle(0);
    expect((await invoke('auth.unlock', { password })).ok).toBe(true);
  });

  it('has a tray menu whose 锁定 locks and whose 退出 quits', () => {
    const items = s.trays[0]!.menu!.items;
    expect(items.map((i) => i.label ?? '-')).toEqual(['显示窗口 / Show', '锁定 / Lock', '-', '退出 / Quit']);
    items[1]!.click!();
    expect(eventsSent().at(-1)).toEqual({ event: 'session.locked', payload: { reason: 'manual' } });
  });

  it('refuses popups, navigation away, webviews and permissions other than media/notifications', () => {
    const wc = win().webContents;
    expect(wc.openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(wc.navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(wc.navigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(wc.navigate('will-navigate', `${pathToFileURL(win().loaded!).href}#/customers`)).toBe(false);
    const check = s.permission.check as unknown as (wc: unknown, p: string) => boolean;
    expect(check(wc, 'media')).toBe(true);
    expect(check(wc, 'geolocation')).toBe(false);
    expect(check(new FakeWebContents(), 'media')).toBe(false);
  });

  it('serves /media/recordings/<id> to the file: page with the window’s session (ranges, lock), and exports into a picked folder', async () => {
    const trayLock = () => s.trays[0]!.menu!.items[1]!.click!();
    expect((await invoke('auth.unlock', { password })).ok).toBe(true);
    const newPassword = 'Dealer2026ok!';
    expect((await invoke('auth.changePassword', { oldPassword: password, newPassword })).ok).toBe(true);
    password = newPassword;
    // A finished call's recording, as the softphone leaves it: a row and a file under the data folder.
    const dataDir = process.env.DSCRM_DATA_DIR!;
    fs.mkdirSync(path.join(dataDir, 'recordings'), { recursive: true });
    const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
    fs.writeFileSync(path.join(dataDir, 'recordings', 'r1.webm'), bytes);
    const db = new Database(path.join(dataDir, 'dscrm.sqlite'));
    let recId: number;
    try {
      const now = Date.now();
      const callId = Number(db.prepare(`INSERT INTO calls (direction, from_number, to_number, extension, user_id, started_at, ended_at, duration_s) VALUES ('outbound', '1001', '13800138000', '1001', (SELECT id FROM users WHERE username = 'admin'), ?, ?, 3)`).run(now - 3000, now).lastInsertRowid);
      recId = Number(db.prepare(`INSERT INTO recordings (call_id, path, mime, size_bytes, duration_ms, complete, created_at) VALUES (?, 'recordings/r1.webm', 'audio/webm;codecs=opus', 1000, 3000, 1, ?)`).run(callId, now).lastInsertRowid);
    } finally {
      db.close();
    }

    const handle = s.protocols.get('file')!;
    const page = pathToFileURL(win().loaded!).href;
    // The player's src="/media/recordings/<id>" as the file: page resolves it.
    const src = new URL(`/media/recordings/${recId}`, page).href;
    const full = await handle(new Request(src));
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('audio/webm');
    expect(Buffer.from(await full.arrayBuffer()).equals(bytes)).toBe(true);
    const part = await handle(new Request(src, { headers: { range: 'bytes=100-199' } }));
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);
    expect((await handle(new Request(`${src}?download=1`))).headers.get('content-disposition')).toMatch(/^attachment; filename="rec-/);
    expect((await handle(new Request(new URL('/media/recordings/999999', page).href))).status).toBe(404);
    // Anything else is a plain file for Electron to load, not ours to answer.
    expect(await (await handle(new Request(page))).text()).toBe('file body');
    expect(s.fileFetches).toEqual([`${page} bypass=true`]);

    // The folder picker: shown to a user with the export permission; the copy lands there, audited.
    const pick = (purpose: unknown) => s.handlers.get(IPC_PICK_FOLDER_CHANNEL)!({ sender: win().webContents, senderFrame: win().webContents.mainFrame }, purpose, '导出') as Promise<{ path: string; grant: string } | null>;
    const target = tempDir('dscrm-export-');
    s.picked.folder = target;
    const picked = await pick('recordings');
    expect(picked).toMatchObject({ path: target, grant: expect.any(String) });
    expect(s.folderDialogs.at(-1)).toEqual({ title: '导出', properties: ['openDirectory', 'createDirectory'] });
    // A typed path is no export target; only the grant the dialog handed out.
    expect(await invoke('telephony.recording.export', { recordingId: recId, targetDir: target })).toMatchObject({ ok: false });
    const exported = await invoke('telephony.recording.export', { recordingId: recId, folderGrant: picked!.grant });
    expect(exported).toMatchObject({ ok: true, value: { url: null } });
    const out = (exported as { value: { path: string } }).value.path;
    expect(path.dirname(out)).toBe(target);
    expect(fs.readFileSync(out).equals(bytes)).toBe(true);
    expect(await pick('anything-else')).toBeNull();
    await expect(s.handlers.get(IPC_PICK_FOLDER_CHANNEL)!({ sender: win().webContents, senderFrame: { url: 'https://example.com/' } }, 'recordings', 'x')).rejects.toThrow(/untrusted/);

    // Locked: no recording, no picker (the dialog is not even shown).
    trayLock();
    const dialogs = s.folderDialogs.length;
    expect((await handle(new Request(src))).status).toBe(423);
    expect(await pick('recordings')).toBeNull();
    expect(s.folderDialogs.length).toBe(dialogs);
  });

  it('on quit ends the session and closes the database', () => {
    const items = s.trays[0]!.menu!.items;
    const wc = win().webContents;
    items[3]!.click!();
    expect(win().isDestroyed()).toBe(true);
    // The window is gone, so the 'session.ended' is not delivered to it.
    expect(wc.sent.at(-1)?.msg).toEqual({ event: 'session.locked', payload: { reason: 'manual' } });
    const db = path.join(process.env.DSCRM_DATA_DIR!, 'dscrm.sqlite');
    // Closed cleanly: the WAL has been checkpointed away; the logout is in the audit log.
    expect(fs.existsSync(`${db}-wal`)).toBe(false);
    const sqlite = new Database(db, { readonly: true });
    try {
      expect(sqlite.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 });
      expect(sqlite.prepare("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1").get()).toEqual({ action: 'logout' });
    } finally {
      sqlite.close();
    }
  });
});

describe('bundled Electron main: a database it cannot open', () => {
  it('shows the DbOpenError message in a native dialog and quits, leaving the file alone', async () => {
    const dataDir = tempDir('dscrm-data-');
    const file = path.join(dataDir, 'dscrm.sqlite');
    fs.writeFileSync(file, 'this is a spreadsheet, not a database '.repeat(200));
    const before = fs.readFileSync(file);
    const { s } = launch({ dataDir });
    await vi.waitFor(() => expect(s.exitCode()).toBe(1), { timeout: 20_000 });
    expect(s.errors).toHaveLength(1);
    expect(s.errors[0]).toContain('不是 DS-CRM 数据库');
    expect(s.windows).toHaveLength(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
