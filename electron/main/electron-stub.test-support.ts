/**
 * A stand-in for the `electron` module and a loader for the real main bundle under plain Node
 * (the Electron binary cannot run on the build machines): shared by the main-process tests.
 * `useBundledMain()` bundles main once per test file and returns `launch`, which starts it the way
 * Electron would, on a fresh app folder, data folder and seat settings.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { bundleElectron, root } from '../../scripts/build-electron';
import type { SeatConfig } from '../node/host-client/seat-config';
import { tempDir } from '../../tests/support/core';

type Listener = (...args: never[]) => unknown;

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  id = FakeWebContents.nextId++;
  sent: { channel: string; msg: unknown }[] = [];
  mainFrame = { url: '' };
  destroyed = false;
  openHandler: ((d: { url: string }) => { action: string }) | null = null;
  send(channel: string, msg: unknown) {
    this.sent.push({ channel, msg });
  }
  isDestroyed() {
    return this.destroyed;
  }
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
    this.openHandler = h;
  }
  /** Emits a navigation event the way Electron does and reports whether it was prevented. */
  navigate(kind: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    this.emit(kind, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

export function makeElectronStub(appDir: string) {
  const windows: FakeBrowserWindow[] = [];
  const trays: FakeTray[] = [];
  const errors: string[] = [];
  const boxes: { message: string; detail?: string }[] = [];
  const clipboardText: string[] = [];
  const handlers = new Map<string, (...a: unknown[]) => unknown>();
  const protocols = new Map<string, (req: Request) => Response | Promise<Response>>();
  const fileFetches: string[] = [];
  const folderDialogs: { title?: string; properties?: string[] }[] = [];
  const picked: { folder: string | null } = { folder: null };
  const permission: { request?: Listener; check?: Listener } = {};
  let idleSeconds = 0;
  let exitCode: number | null = null;

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    getAppPath: () => appDir,
    getLocale: () => 'zh-CN',
    getPath: (name: string) => path.join(appDir, name),
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    quit() {
      app.emit('before-quit');
      for (const w of [...windows]) if (!w.isDestroyed()) w.close();
      app.emit('will-quit', { preventDefault() {} });
    },
    exit(code: number) {
      exitCode = code;
    },
  });

  class FakeBrowserWindow extends EventEmitter {
    webContents = new FakeWebContents();
    destroyed = false;
    minimized = false;
    visible = false;
    loaded: string | null = null;
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadFile(file: string) {
      this.loaded = file;
      this.webContents.mainFrame.url = pathToFileURL(file).href;
      setImmediate(() => this.emit('ready-to-show'));
      return Promise.resolve();
    }
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return this.minimized;
    }
    minimize() {
      this.minimized = true;
      this.emit('minimize');
    }
    restore() {
      this.minimized = false;
    }
    show() {
      this.visible = true;
    }
    hide() {
      this.visible = false;
    }
    focus() {}
    close() {
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      if (prevented) return;
      this.destroyed = true;
      this.webContents.destroyed = true;
      this.emit('closed');
    }
  }

  class FakeTray extends EventEmitter {
    menu: { items: { label?: string; click?: () => void }[] } | null = null;
    constructor() {
      super();
      trays.push(this);
    }
    setToolTip() {}
    setContextMenu(m: { items: { label?: string; click?: () => void }[] }) {
      this.menu = m;
    }
    destroy() {}
  }

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    Menu: { setApplicationMenu() {}, buildFromTemplate: (items: unknown[]) => ({ items }) },
    nativeImage: {
      createFromPath(p: string) {
        const img = { isEmpty: () => !fs.existsSync(p), resize: () => img };
        return img;
      },
    },
    dialog: {
      showErrorBox: (_title: string, message: string) => errors.push(message),
      showMessageBox: (...args: unknown[]) => {
        boxes.push(args.at(-1) as { message: string; detail?: string });
        return Promise.resolve({ response: 0 }); // "copy password"
      },
      showOpenDialog: (_win: unknown, options: { title?: string; properties?: string[] }) => {
        folderDialogs.push(options);
        return Promise.resolve(picked.folder === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [picked.folder] });
      },
    },
    protocol: { handle: (scheme: string, fn: (req: Request) => Response | Promise<Response>) => protocols.set(scheme, fn) },
    // Electron's own file loading, for every file: request that is not a recording.
    net: {
      fetch: (req: Request, opts: { bypassCustomProtocolHandlers?: boolean }) => {
        fileFetches.push(`${req.url} bypass=${String(opts.bypassCustomProtocolHandlers)}`);
        return Promise.resolve(new Response('file body'));
      },
    },
    clipboard: { writeText: (t: string) => clipboardText.push(t) },
    ipcMain: { handle: (channel: string, fn: (...a: unknown[]) => unknown) => handlers.set(channel, fn) },
    powerMonitor: Object.assign(new EventEmitter(), { getSystemIdleTime: () => idleSeconds }),
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => (permission.request = h),
        setPermissionCheckHandler: (h: Listener) => (permission.check = h),
      },
    },
  };
  return {
    electron,
    windows,
    trays,
    errors,
    boxes,
    clipboardText,
    handlers,
    protocols,
    fileFetches,
    folderDialogs,
    picked,
    permission,
    setIdle: (s: number) => (idleSeconds = s),
    exitCode: () => exitCode,
  };
}

export type Stub = ReturnType<typeof makeElectronStub>;

export interface LaunchOptions {
  dataDir?: string;
  /** seat.json to start with (via DSCRM_SEAT_CONFIG); undefined: none, as on a first start. */
  seat?: SeatConfig;
}

/** Bundles main for this test file and returns `launch`; call at the top level of a test file. */
export function useBundledMain(): { launch(opts?: LaunchOptions): { s: Stub; appDir: string; dataDir: string; seatFile: string }; bundleDir(): string } {
  let bundleDir = '';
  let mainFile = '';
  let stub: Stub | null = null;
  const ModuleInternals = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const originalLoad = ModuleInternals._load;

  beforeAll(async () => {
    // Inside the project, so that the bundle's require('better-sqlite3') finds node_modules.
    bundleDir = path.join(root, 'node_modules', '.cache', `dscrm-main-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
    mainFile = (await bundleElectron(bundleDir)).main;
    ModuleInternals._load = function (request: string, ...rest: unknown[]) {
      if (request === 'electron') return stub!.electron;
      return originalLoad.call(this, request, ...rest);
    };
  }, 60_000);

  afterAll(() => {
    ModuleInternals._load = originalLoad;
    fs.rmSync(bundleDir, { recursive: true, force: true });
  });

  /** A fresh app folder (renderer page, icon) and data folder, then the bundle loaded as Electron would. */
  function launch(opts: LaunchOptions = {}) {
    const appDir = tempDir('dscrm-app-');
    fs.mkdirSync(path.join(appDir, 'dist', 'renderer'), { recursive: true });
    fs.writeFileSync(path.join(appDir, 'dist', 'renderer', 'index.html'), '<!doctype html><div id="root"></div>');
    fs.mkdirSync(path.join(appDir, 'dist', 'electron'), { recursive: true });
    fs.copyFileSync(path.join(bundleDir, 'icon.png'), path.join(appDir, 'dist', 'electron', 'icon.png'));
    // Like a packaged app: the migrations are in the app folder, not beside the bundle.
    fs.cpSync(path.join(root, 'migrations'), path.join(appDir, 'migrations'), { recursive: true });
    const dataDir = opts.dataDir ?? tempDir('dscrm-data-');
    process.env.DSCRM_DATA_DIR = dataDir;
    delete process.env.DSCRM_MIGRATIONS_DIR;
    const seatFile = path.join(appDir, 'userData', 'seat.json');
    if (opts.seat) {
      fs.mkdirSync(path.dirname(seatFile), { recursive: true });
      fs.writeFileSync(seatFile, JSON.stringify(opts.seat), { mode: 0o600 });
    }
    delete process.env.DSCRM_SEAT_CONFIG;
    stub = makeElectronStub(appDir);
    const req = createRequire(import.meta.url);
    delete req.cache[mainFile];
    req(mainFile);
    return { s: stub, appDir, dataDir, seatFile };
  }
  return { launch, bundleDir: () => bundleDir };
}
