/**
 * electron-builder cannot run here (it downloads Electron), so a broken packaging config would
 * only show up on the release machine. This checks it in `npm test`: our own requirements
 * (zod), electron-builder's own schema validation, and that every file the config or the app's
 * entry point refers to exists or is produced by `npm run build:electron`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MAIN_OUT, PRELOAD_OUT } from '../scripts/build-electron';
import { bundleServer, LAUNCHER_OUT, serverBundleStale } from '../scripts/build-server';

const root = path.resolve(import.meta.dirname, '..');
const configFile = path.join(root, 'build', 'electron-builder.json');
const raw: unknown = JSON.parse(fs.readFileSync(configFile, 'utf8'));
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

const targetList = (name: string) =>
  z.array(z.union([z.literal(name), z.object({ target: z.literal(name), arch: z.array(z.string()).optional() })])).min(1);

/** What DS-CRM requires of the config (electron-builder's schema below checks everything else). */
const BuilderConfig = z.object({
  appId: z.literal('cn.dscrm.desktop'),
  productName: z.literal('DS-CRM'),
  directories: z.object({ output: z.literal('out'), buildResources: z.string().optional() }),
  files: z.array(z.string()).min(1),
  // The main reads migrations from <resources>/migrations when packaged (electron/main/index.ts).
  extraResources: z
    .array(z.object({ from: z.string(), to: z.literal('migrations'), filter: z.array(z.string()).optional() }))
    .length(1),
  asarUnpack: z.array(z.string()).min(1),
  win: z.object({
    target: z.array(z.object({ target: z.literal('nsis'), arch: z.array(z.literal('x64')).length(1) })).length(1),
    icon: z.string().endsWith('.ico'),
  }),
  nsis: z.object({
    oneClick: z.literal(false),
    allowToChangeInstallationDirectory: z.literal(true),
    installerLanguages: z.array(z.literal('zh_CN')).min(1),
    language: z.literal('2052'), // LCID of zh-CN
  }),
  linux: z.object({ target: targetList('AppImage'), icon: z.string().endsWith('.png') }),
});

const parsed = BuilderConfig.safeParse(raw);
const config = parsed.data!;
const abs = (p: string) => path.join(root, p);

/** electron-builder's glob subset used here: `**` any depth, `*` within one segment. */
function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else re += /[.+^${}()|[\]\\?]/.test(c) ? `\\${c}` : c;
  }
  return new RegExp(`^${re}$`);
}
const packaged = (file: string) => config.files.some((g) => !g.startsWith('!') && globToRegExp(g).test(file));

describe('build/electron-builder.json', () => {
  it('has the keys and targets DS-CRM ships with', () => {
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it("passes electron-builder's own schema validation", async () => {
    // The check `electron-builder` runs first, from the installed version, without packaging.
    const req = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
    const { validateConfiguration } = req('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(c: unknown, log: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    const log = { isEnabled: false, add() {} };
    await expect(validateConfiguration(raw, log)).resolves.toBeUndefined();
    // …and that check does catch a misspelt option.
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, oneclick: false } }, log)).rejects.toThrow(/configuration\.nsis/);
  });

  it('has the icons: a 512×512 PNG and an ICO with a 256 px image', () => {
    const png = fs.readFileSync(abs(config.linux.icon));
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    const ico = fs.readFileSync(abs(config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1); // icon resource
    const count = ico.readUInt16LE(4);
    const widths = Array.from({ length: count }, (_, i) => ico[6 + 16 * i] || 256);
    expect(widths).toContain(256);
    expect(widths).toContain(16);
  });

  it('ships the migrations as an extra resource', () => {
    const src = abs(config.extraResources[0]!.from);
    expect(fs.existsSync(path.join(src, 'meta', '_journal.json'))).toBe(true);
    expect(fs.readdirSync(src).filter((f) => f.endsWith('.sql')).length).toBeGreaterThan(0);
  });

  it('packages the entry point that build:electron produces, with the preload and the renderer', () => {
    expect(pkg.main).toBe(MAIN_OUT);
    expect(pkg.scripts['build:electron']).toContain('scripts/build-electron.ts');
    for (const f of [pkg.main, PRELOAD_OUT, 'dist/electron/icon.png', 'dist/renderer/index.html', 'package.json']) {
      expect(packaged(f), `${f} is matched by "files"`).toBe(true);
    }
  });

  it('unpacks better-sqlite3\'s native module, which must be a production dependency', () => {
    expect(pkg.dependencies['better-sqlite3']).toBeDefined();
    // electron-builder refuses electron in "dependencies".
    expect(pkg.devDependencies.electron).toBeDefined();
    expect(pkg.dependencies.electron).toBeUndefined();
    const nativeFile = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(fs.existsSync(abs(nativeFile))).toBe(true);
    expect(config.asarUnpack.some((g) => globToRegExp(g).test(nativeFile))).toBe(true);
  });

  it('keeps serialport (the GSM modem) a production dependency with its prebuilt binding unpacked', () => {
    expect(pkg.dependencies.serialport).toBeDefined();
    const prebuilt = 'node_modules/@serialport/bindings-cpp/prebuilds/win32-x64/@serialport+bindings-cpp.node';
    expect(fs.existsSync(abs(prebuilt)), prebuilt).toBe(true);
    expect(config.asarUnpack.some((g) => globToRegExp(g).test(prebuilt))).toBe(true);
  });
});

/**
 * The web host runs from an esbuild bundle (issue 14 item 21: tsx transpiled the whole server at
 * every start). Bundled into a temporary folder in dist/ (the native packages it leaves external
 * are found in the project's node_modules), started with plain node — no tsx — it must find the
 * migrations and the renderer beside the sources.
 */
describe('the web host bundle (scripts/build-server.ts)', () => {
  let dir = '';
  let bundle = '';
  beforeAll(async () => {
    fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
    dir = fs.mkdtempSync(path.join(root, 'dist', 'server-test-'));
    bundle = path.join(dir, 'server', 'serve.cjs');
    await bundleServer(bundle);
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('`npm run serve` and `npm run build` use it', () => {
    expect(pkg.scripts.serve).toBe(`tsx scripts/build-server.ts --if-stale && node ${path.relative(root, LAUNCHER_OUT)}`);
    expect(pkg.scripts['build:server']).toBe('tsx scripts/build-server.ts');
    expect(pkg.scripts.build).toContain('npm run build:server');
  });

  it('keeps better-sqlite3, serialport and smpp as packages required at run time', () => {
    const code = fs.readFileSync(bundle, 'utf8');
    for (const p of ['better-sqlite3', 'serialport', 'smpp']) expect(code, p).toContain(`require("${p}")`);
    expect(code).not.toContain('node_modules/better-sqlite3/lib/');
  });

  /** Starts the launcher with plain node on a fresh data folder; resolves with its URL and a stop function. */
  async function startBundle(dataDir: string) {
    const child = spawn(process.execPath, [path.join(dir, 'server', 'launch.cjs'), '--port', '0', '--data', dataDir], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const stop = async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    };
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', () => {
        const m = /web host: (http:\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`the bundle exited (${code}):\n${out}`)));
    }).catch(async (e: unknown) => {
      await stop();
      throw e;
    });
    return { url, stop, output: () => out };
  }

  it('starts with plain node: applies the migrations, answers the API and serves the renderer folder', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dscrm-server-bundle-'));
    const host = await startBundle(dataDir);
    try {
      expect(host.output()).toMatch(/one-time password: \S+/); // the first-run admin: the schema is there
      const login = await fetch(`${host.url}api/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'wrong-password-1' }),
      });
      expect(login.status).toBe(401);
      // dist/renderer of this checkout: its index.html when built, else the message naming the build command.
      const page = await (await fetch(host.url)).text();
      const index = path.join(root, 'dist', 'renderer', 'index.html');
      if (fs.existsSync(index)) expect(page).toBe(fs.readFileSync(index, 'utf8'));
      else expect(page).toContain('npm run build:renderer');
    } finally {
      await host.stop();
    }
    // The first start left V8's code cache, named by the bundle's content; the next start uses it.
    const caches = () => fs.readdirSync(path.join(dir, 'server')).filter((f) => /^serve\.cjs\.[0-9a-f]{16}\.v8cache$/.test(f));
    expect(caches()).toHaveLength(1);
    const again = await startBundle(dataDir);
    await again.stop();
    expect(caches()).toHaveLength(1);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('is rebuilt by --if-stale only when one of its inputs is newer', () => {
    // Dated ahead first: other work on the tree must not make this bundle stale meanwhile.
    const ahead = new Date(Date.now() + 3_600_000);
    fs.utimesSync(bundle, ahead, ahead);
    expect(serverBundleStale(bundle)).toBeNull();
    const longAgo = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(bundle, longAgo, longAgo);
    expect(serverBundleStale(bundle)).toMatch(/changed$/);
    fs.rmSync(bundle);
    expect(serverBundleStale(bundle)).toBe('no bundle yet');
  });
});
