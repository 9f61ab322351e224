/**
 * The Electron host: a thin shell around the same core and dispatch the web host uses.
 * Everything with business meaning lives in electron/node; this file only owns what needs
 * Electron — the window, the bridge's IPC end, the tray, the OS lock signals, native dialogs.
 *
 * Bundled by scripts/build-electron.ts into dist/electron/main.cjs (package.json "main").
 * It cannot be run on the build machines (no Electron binary there), so keep logic that can be
 * tested out of this file: see window-sessions.ts.
 */
import path from 'node:path';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  net,
  powerMonitor,
  protocol,
  session,
  Tray,
  type IpcMainInvokeEvent,
  type MessageBoxOptions,
  type NativeImage,
  type WebContents,
} from 'electron';
import { FOLDER_PURPOSES, IPC_API_CHANNEL, IPC_EVENT_CHANNEL, IPC_PICK_FOLDER_CHANNEL, IPC_UPLOAD_CHANNEL } from '../common/bridge';
import { DbOpenError } from '../../db/client';
import type { EventMessage } from '../common/api/events';
import { createCore, type Core } from '../node/core';
import { resolveDataDir } from '../node/paths';
import { startScheduler } from '../node/features/scheduler/services';
import { startLanHostIfSet } from '../node/lan/lan-host';
import type { WebHost } from '../node/webhost/server';
import { HostClient, localError } from '../node/host-client/host-client';
import { SeatConfigError, seatConfigPath } from '../node/host-client/seat-config';
import { ClientSessions } from './client-sessions';
import { recordingPathOf, recordingResponse } from './recording-protocol';
import { SeatGate } from './seat-gate';
import { idleLockDue, WindowSessions, type LockReason } from './window-sessions';

// The bundle ships with its source map: stack traces in logs and error dialogs then name the
// TypeScript files and lines.
process.setSourceMapsEnabled(true);

const IDLE_POLL_MS = 30_000;
// Permissions the renderer may get: the softphone needs the microphone ('media'), incoming calls
// and reminders use notifications, "copy phone number" writes the clipboard. Everything else is
// refused, so a compromised page cannot reach the camera, location, USB, serial ports …
const ALLOWED_PERMISSIONS = new Set(['media', 'notifications', 'clipboard-sanitized-write']);

let core: Core | null = null;
/** The LAN listener when this PC is the host (设为主机). */
let lanHost: WebHost | null = null;
/** Local mode: this PC's own core and the windows' sessions on it. */
let sessions: WindowSessions | null = null;
/** Client-seat mode: the windows' sessions on the host, forwarded over pinned HTTPS. */
let clientSessions: ClientSessions | null = null;
let gate: SeatGate | null = null;
let exiting = false;
let mainWindow: BrowserWindow | null = null;
let tray: Tray | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let quitting = false;

/** Files inside the app (the project root in development, app.asar when packaged). */
const appFile = (...parts: string[]) => path.join(app.getAppPath(), ...parts);
const rendererIndex = () => appFile('dist', 'renderer', 'index.html');

/** The one page our windows may show: dist/renderer/index.html (any hash route). */
function isOwnPage(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'file:' && u.pathname === new URL(pathToFileURL(rendererIndex()).href).pathname;
  } catch {
    return false;
  }
}

/** Only the main frame of one of our windows, showing our page, may call the API. */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return (
    mainWindow !== null &&
    !mainWindow.isDestroyed() &&
    event.sender.id === mainWindow.webContents.id &&
    frame !== null &&
    frame === event.sender.mainFrame &&
    isOwnPage(frame.url)
  );
}

/** Whichever carries the windows' API calls: the local core's sessions or the host's. */
function transport(): WindowSessions | ClientSessions | null {
  return sessions ?? clientSessions;
}

function lockAll(reason: LockReason): void {
  transport()?.lockAll(reason);
}

function sendTo(windowId: number, msg: EventMessage): void {
  const win = mainWindow;
  if (win && !win.isDestroyed() && win.webContents.id === windowId) win.webContents.send(IPC_EVENT_CHANNEL, msg);
}

function broadcast(msg: EventMessage): void {
  const win = mainWindow;
  if (win && !win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, msg);
}

function showWindow(): void {
  if (!gate) return; // still starting (a second instance was launched meanwhile)
  if (!mainWindow || mainWindow.isDestroyed()) {
    createWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function appIcon(): NativeImage {
  // Copied next to main.cjs by the build; build/ itself is not packaged.
  return nativeImage.createFromPath(appFile('dist', 'electron', 'icon.png'));
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'DS-CRM',
    icon: appIcon(),
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: appFile('dist', 'electron', 'preload.cjs'),
      // The renderer is untrusted web content: no Node, its own JS world, OS-level sandbox.
      // It reaches the core only through window.dscrm (invoke / on).
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      spellcheck: false,
    },
  });
  mainWindow = win;
  const windowId = win.webContents.id;

  win.once('ready-to-show', () => win.show());

  // DS-CRM rule: minimising the program locks it (the dealer floor shares PCs); so does hiding it.
  win.on('minimize', () => lockAll('system'));
  win.on('close', (e) => {
    // On Windows the tray is always there, so closing keeps the app running (incoming calls,
    // reminders) and locks it; quitting is the tray's 退出. Linux desktops may have no tray at all,
    // so there closing really closes.
    if (!quitting && process.platform === 'win32' && tray) {
      e.preventDefault();
      win.hide();
      lockAll('system');
    }
  });
  win.on('closed', () => {
    void transport()?.forget(windowId);
    if (mainWindow === win) mainWindow = null;
  });

  win.loadFile(rendererIndex()).catch((err: unknown) => {
    dialog.showErrorBox('DS-CRM', `无法加载界面 / Cannot load the user interface:\n${rendererIndex()}\n${String(err)}`);
  });
  return win;
}

function createTray(): void {
  const image = appIcon();
  if (image.isEmpty()) return;
  tray = new Tray(image.resize({ width: process.platform === 'win32' ? 16 : 24 }));
  tray.setToolTip('DS-CRM');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: '显示窗口 / Show', click: showWindow },
      { label: '锁定 / Lock', click: () => lockAll('manual') },
      { type: 'separator' },
      {
        label: '退出 / Quit',
        click: () => {
          quitting = true;
          app.quit();
        },
      },
    ]),
  );
  tray.on('click', showWindow);
}

/** Applied to every webContents the app ever creates, not only the main window. */
function hardenContents(contents: WebContents): void {
  // No popups: the CRM is one window. (Links to the outside are not part of the UI.)
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // No navigation away from the bundled page: a foreign page would get the bridge.
  contents.on('will-navigate', (event) => {
    if (!isOwnPage(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isOwnPage(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function setupPermissions(): void {
  const ours = (wc: WebContents | null) => wc !== null && mainWindow !== null && !mainWindow.isDestroyed() && wc.id === mainWindow.webContents.id;
  session.defaultSession.setPermissionRequestHandler((wc, permission, callback) => {
    callback(ours(wc) && ALLOWED_PERMISSIONS.has(permission));
  });
  session.defaultSession.setPermissionCheckHandler((wc, permission) => ours(wc) && ALLOWED_PERMISSIONS.has(permission));
}

function setupIpc(): void {
  // One channel for the whole API; the token is looked up here by the sender, never sent by it.
  // seat.* is answered by main itself (there may be no core, or none ever: client mode).
  ipcMain.handle(IPC_API_CHANNEL, async (event, method: unknown, input: unknown, locale: unknown) => {
    if (!trustedSender(event)) throw new Error('DS-CRM: API call from an untrusted frame refused');
    // The login page's chosen language, else the OS's; a logged-in user's own setting wins in dispatch.
    const lang = typeof locale === 'string' ? locale : app.getLocale();
    const seatAnswer = await gate!.handle(method, input, lang);
    if (seatAnswer) return seatAnswer;
    const t = transport();
    if (!t) return localError('SEAT_UNKNOWN', lang);
    return t.call(event.sender.id, method, input, { locale: lang, client: `electron ${process.versions.electron} ${process.platform}` });
  });
  ipcMain.handle(IPC_UPLOAD_CHANNEL, (event, fileName: unknown, data: unknown, locale: unknown) => {
    if (!trustedSender(event)) throw new Error('DS-CRM: upload from an untrusted frame refused');
    const t = transport();
    return t ? t.upload(event.sender.id, fileName, data, locale) : localError('SEAT_UNKNOWN', typeof locale === 'string' ? locale : null);
  });
  // The folder an export copies into. Behind the export's own permission (the export method checks
  // it again), so a page script cannot use the picker to learn the disk's layout without it.
  // Local mode only: a client seat's exports are written by the host, not into this PC's folders.
  ipcMain.handle(IPC_PICK_FOLDER_CHANNEL, async (event, purpose: unknown, title: unknown) => {
    if (!trustedSender(event)) throw new Error('DS-CRM: folder picker asked by an untrusted frame refused');
    const s = sessions;
    const permission = typeof purpose === 'string' && Object.hasOwn(FOLDER_PURPOSES, purpose) ? FOLDER_PURPOSES[purpose as keyof typeof FOLDER_PURPOSES] : null;
    if (!s || !permission || !mainWindow || !s.permits(event.sender.id, permission)) return null;
    const r = await dialog.showOpenDialog(mainWindow, { title: typeof title === 'string' ? title : 'DS-CRM', properties: ['openDirectory', 'createDirectory'] });
    const picked = r.canceled ? undefined : r.filePaths[0];
    return picked ? s.grantFolder(event.sender.id, picked) : null;
  });
}

/**
 * The player's /media/recordings/<id> (file:///media/recordings/<id> under a file: page) is answered
 * with the main window's session like the web host's route: from the local core, or streamed from
 * the host in client mode. Every other file: request is Electron's own file loading.
 */
function setupMedia(): void {
  protocol.handle('file', (request) => {
    const win = mainWindow;
    const windowId = win && !win.isDestroyed() ? win.webContents.id : null;
    const recording = recordingPathOf(request.url);
    if (recording !== null && clientSessions && windowId !== null) return clientSessions.media(windowId, recording, request.headers.get('range'));
    const token = windowId !== null ? (sessions?.tokenOf(windowId) ?? null) : null;
    return (core ? recordingResponse(core, token, request) : null) ?? net.fetch(request, { bypassCustomProtocolHandlers: true });
  });
}

function setupLockSignals(): void {
  // Windows lock (Win+L) and sleep lock the program too: whoever wakes the PC must log back in.
  powerMonitor.on('lock-screen', () => lockAll('system'));
  powerMonitor.on('suspend', () => lockAll('system'));
  // The server-side idle lock counts only API calls (and the renderer's activity pings); the OS
  // idle time also sees a user who walked away from a window left open on a read-only screen.
  idleTimer = setInterval(() => {
    // The setting is the local core's, or (client seat) the host's as its last session info said.
    const minutes = core ? core.settings.get('security.idleLockMinutes') : (clientSessions?.idleLockMinutes ?? null);
    if (minutes !== null && idleLockDue(powerMonitor.getSystemIdleTime(), minutes)) lockAll('idle');
  }, IDLE_POLL_MS);
}

async function showFirstRun(c: Core): Promise<void> {
  if (!c.firstRun) return;
  const { username, oneTimePassword } = c.firstRun;
  // Also on stdout, like the web host, for whoever starts the app from a console.
  console.log(`首次启动:已创建管理员账户 / First run: administrator "${username}", one-time password: ${oneTimePassword}`);
  const options: MessageBoxOptions = {
    type: 'info',
    title: 'DS-CRM',
    message: '首次启动:已创建管理员账户\nFirst run: an administrator account was created',
    detail:
      `用户名 / User: ${username}\n一次性密码 / One-time password: ${oneTimePassword}\n\n` +
      '该密码只显示这一次,首次登录时必须修改。\nShown only this once; it must be changed at the first login.',
    buttons: ['复制密码 / Copy password', '确定 / OK'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
  const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  if (response === 0) clipboard.writeText(oneTimePassword);
}

/** Local mode: this PC's own database, as before seats existed. False when it cannot be opened (the user was told). */
async function startLocal(): Promise<boolean> {
  // Migrations are read from disk at run time. The bundle has no source tree around it, so point
  // db/client.ts at the copy shipped as an extra resource (packaged) or at the project's folder.
  process.env.DSCRM_MIGRATIONS_DIR ??= app.isPackaged ? path.join(process.resourcesPath, 'migrations') : appFile('migrations');
  let c: Core;
  try {
    // 恢复 (备份与恢复): the backup is staged; the app quits (will-quit closes the core, the LAN
    // listener and the scheduler) and starts again, and the next core swaps the file in.
    c = await createCore({ dataDir: resolveDataDir(), onRestartRequested: relaunchAfterRestore });
  } catch (err) {
    // Locked by another program, written by a newer version, not a database: the file is left
    // untouched and the user is told why, in their language and ours.
    const text = err instanceof DbOpenError ? err.message : `无法启动 / Cannot start:\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
    dialog.showErrorBox('DS-CRM', text);
    exiting = true;
    app.exit(1);
    return false;
  }
  core = c;
  sessions = new WindowSessions(c, sendTo);
  startScheduler(c);
  void serveLan(c);
  // Chosen on the first-start screen: the window is already there to show the password over.
  if (mainWindow) void showFirstRun(c);
  return true;
}

function relaunchAfterRestore(): void {
  app.relaunch();
  quitting = true;
  app.quit();
}

/** 系统设置 → 设为主机 (saved, read at start): this PC serves the LAN's seats over HTTPS, in this process. */
async function serveLan(c: Core): Promise<void> {
  try {
    lanHost = await startLanHostIfSet(c, appFile('dist', 'renderer'));
  } catch (err) {
    // Port taken, certificate unusable: this PC still works; the seats cannot reach it until fixed.
    dialog.showErrorBox('DS-CRM', `无法为局域网提供主机服务(本机使用不受影响)/ Cannot serve the LAN as host (this PC works as usual):\n${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Client-seat mode: no local database; every call goes to the paired host. */
function startClient(config: { hostUrl: string; certPem: string; fingerprint: string; seatToken: string }): Promise<void> {
  const client = new HostClient({ hostUrl: config.hostUrl, pin: { certPem: config.certPem, fingerprint: config.fingerprint }, seatToken: config.seatToken });
  // Recordings made on this seat wait here, on its own disk, until the host has them (issue 15).
  const cs = new ClientSessions(client, sendTo, broadcast, path.join(app.getPath('userData'), 'recording-spool'));
  clientSessions = cs;
  return cs.check(app.getLocale());
}

async function stopClient(): Promise<void> {
  const cs = clientSessions;
  clientSessions = null;
  await cs?.dispose();
}

async function start(): Promise<void> {
  gate = new SeatGate({
    configPath: seatConfigPath(process.argv, process.env, app.getPath('userData')),
    hasLocalData: () => fs.existsSync(path.join(resolveDataDir(), 'dscrm.sqlite')),
    startLocal,
    startClient,
    stopClient,
    link: () => clientSessions?.link() ?? null,
    hostVersions: () => clientSessions?.hostVersions() ?? null,
  });
  try {
    await gate.start();
  } catch (err) {
    if (!(err instanceof SeatConfigError)) throw err;
    dialog.showErrorBox('DS-CRM', err.message);
    app.exit(1);
    return;
  }
  if (exiting) return;

  if (!fs.existsSync(rendererIndex())) {
    dialog.showErrorBox('DS-CRM', `界面文件缺失,请先运行 npm run build / The user interface is not built:\n${rendererIndex()}`);
    app.exit(1);
    return;
  }

  // Without a menu there is no reload or DevTools accelerator in the shipped app; keep the
  // default one while developing.
  if (app.isPackaged) Menu.setApplicationMenu(null);

  setupPermissions();
  setupIpc();
  setupMedia();
  createWindow();
  createTray();
  setupLockSignals();
  if (core) await showFirstRun(core);
}

// One instance per user: a second one would fight over the database file (and its own tray).
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Windows ties notifications and the taskbar entry to this id; the installer's shortcuts carry
  // the same one (appId in build/electron-builder.json).
  if (process.platform === 'win32') app.setAppUserModelId('cn.dscrm.desktop');
  app.on('second-instance', showWindow);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', showWindow);
  app.on('will-quit', (event) => {
    // A client seat logs its sessions out on the host first (briefly: the host may be down).
    if (clientSessions) {
      event.preventDefault();
      void stopClient().finally(() => app.quit());
      return;
    }
    if (idleTimer) clearInterval(idleTimer);
    tray?.destroy();
    sessions?.dispose();
    if (core) core.services.scheduler.stopNow();
    void lanHost?.close();
    lanHost = null;
    core?.close();
    core = null;
  });
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      dialog.showErrorBox('DS-CRM', `无法启动 / Cannot start:\n${String(err)}`);
      app.exit(1);
    });
}
