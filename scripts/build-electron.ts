/**
 * `npm run build:electron`: type-checks the Electron layer, then bundles
 *   electron/main/index.ts      → dist/electron/main.cjs     (package.json "main")
 *   electron/preload/index.cts  → dist/electron/preload.cjs
 * and copies the tray / window icon next to them (build/ is not packaged).
 * `--no-check` skips the type-check for quick rebuilds (`npm test` / `npm run typecheck` still run it).
 *
 * Why a bundle: the main imports the TypeScript core directly; bundling makes one CommonJS file
 * Electron can load without tsx, and keeps the packaged app free of the source tree.
 * `electron` is provided by the runtime; better-sqlite3 and serialport are native modules that must stay real
 * packages in node_modules (electron-builder rebuilds better-sqlite3 for Electron's ABI; serialport ships N-API
 * prebuilds; both .node files are unpacked from the asar).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';

export const root = path.resolve(import.meta.dirname, '..');
/** Packages with a native (.node) part, or that load files at run time: never bundled, required from node_modules. */
export const NATIVE_PACKAGES = ['better-sqlite3', 'serialport', 'smpp'];
export const outDir = path.join(root, 'dist', 'electron');
export const MAIN_OUT = 'dist/electron/main.cjs';
export const PRELOAD_OUT = 'dist/electron/preload.cjs';

// The core is ESM source that uses import.meta.url to find files beside itself; in a CommonJS
// bundle import.meta is empty, so it is mapped to the bundle file's own URL (see the injected
// file). db/client.ts's migrations folder is then overridden through DSCRM_MIGRATIONS_DIR by the
// main, see electron/main/index.ts.
export const importMetaShim: BuildOptions = {
  inject: ['electron/main/import-meta-url.ts'],
  define: { 'import.meta.url': 'import_meta_url' },
};

/** Options every bundle of this project shares (Electron main/preload, the web host's server). */
export const common: BuildOptions = {
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  absWorkingDir: root,
};

/**
 * Bundles main and preload into `dir` (default dist/electron) and copies the icon beside them.
 * Exported so a test can bundle into a temporary folder and load the result.
 */
export async function bundleElectron(dir: string = outDir): Promise<{ main: string; preload: string }> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const main = path.join(dir, 'main.cjs');
  const preload = path.join(dir, 'preload.cjs');
  await Promise.all([
    build({
      ...common,
      ...importMetaShim,
      entryPoints: ['electron/main/index.ts'],
      outfile: main,
      platform: 'node',
      // Electron 45 runs Node 22 or later.
      target: 'node22',
      external: ['electron', ...NATIVE_PACKAGES],
    }),
    build({
      ...common,
      entryPoints: ['electron/preload/index.cts'],
      outfile: preload,
      // A sandboxed preload has no Node built-ins: platform 'browser' makes importing one a
      // build error instead of a runtime failure in the window.
      platform: 'browser',
      target: 'chrome120',
      external: ['electron'],
    }),
  ]);
  fs.copyFileSync(path.join(root, 'build', 'icon.png'), path.join(dir, 'icon.png'));
  return { main, preload };
}

export function typecheckElectron(): void {
  const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'electron/tsconfig.json', '--noEmit'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (tsc.status !== 0) throw new Error('type-check failed (tsc -p electron/tsconfig.json)');
}

export async function buildElectron(opts: { check?: boolean } = {}): Promise<void> {
  if (opts.check !== false) typecheckElectron();
  await bundleElectron();
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  buildElectron({ check: !process.argv.includes('--no-check') }).then(
    () => console.log(`electron: ${MAIN_OUT}, ${PRELOAD_OUT}`),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
