/**
 * `npm run build:server [-- --if-stale]`: bundles the headless web host (entry scripts/serve.ts)
 * into one CommonJS file, dist/server/serve.cjs, that plain `node` starts without tsx.
 *
 * Why: under tsx every start transpiled the whole server again (cold start 1.1–1.8 s); the bundle
 * is read and compiled once by V8. The same esbuild options as the Electron main
 * (scripts/build-electron.ts); the native packages stay real packages in node_modules.
 *
 * Staleness, cheaply: esbuild's metafile (dist/server/meta.json) lists every input file; with
 * --if-stale the bundle is rebuilt only when one of them (or package-lock.json) is newer than it,
 * which costs a few hundred stat() calls instead of a build. `npm run serve`, `npm start`'s web
 * fallback and the bench all go through this check, so an edit to the core is never served stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { common, NATIVE_PACKAGES, root } from './build-electron';

export const SERVER_DIR = path.join(root, 'dist', 'server');
export const SERVER_OUT = path.join(SERVER_DIR, 'serve.cjs');
/** What `npm run serve` runs: starts serve.cjs with a V8 code cache (scripts/server-launcher.ts). */
export const LAUNCHER_OUT = path.join(SERVER_DIR, 'launch.cjs');
export const SERVER_ENTRY = 'scripts/serve.ts';
/** esbuild's list of the bundle's inputs, beside it: what --if-stale compares against. */
const metaFileOf = (outFile: string) => path.join(path.dirname(outFile), 'meta.json');

/**
 * The core finds files beside its sources through import.meta.url (the migrations next to db/,
 * dist/renderer from electron/node/webhost). A CommonJS bundle has no import.meta, so in every
 * file that uses it (node-cron finds its daemon.js that way too), import.meta.url becomes that source file's URL computed from the
 * bundle's own location (the bundle stays inside the project, at a fixed place): paths resolve
 * exactly as under tsx, and the tree can be moved as a whole. The entry keeps the bundle's own
 * URL, so its "am I the script that was run?" check still works.
 */
function sourceImportMetaUrl(outDir: string, entry: string): Plugin {
  return {
    name: 'dscrm-source-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
        const text = fs.readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const bundleUrl = 'require("node:url").pathToFileURL(__filename).href';
        const rel = path.relative(outDir, args.path).split(path.sep).join('/');
        const url = path.resolve(args.path) === path.resolve(root, entry) ? `(${bundleUrl})` : `new URL(${JSON.stringify(rel)}, ${bundleUrl}).href`;
        const ext = path.extname(args.path).replace(/^\.[cm]?/, '') as 'js' | 'jsx' | 'ts' | 'tsx';
        return { contents: text.replaceAll('import.meta.url', url), loader: ext };
      });
    },
  };
}

/**
 * Bundles the web host into `outFile` (default dist/server/serve.cjs) and its launcher beside it
 * (launch.cjs); removes code caches of earlier bundles. Returns the input files.
 */
export async function bundleServer(outFile: string = SERVER_OUT): Promise<string[]> {
  const outDir = path.dirname(outFile);
  fs.mkdirSync(outDir, { recursive: true });
  const [server, launcher] = await Promise.all([
    build({
      ...common,
      entryPoints: [SERVER_ENTRY],
      outfile: outFile,
      platform: 'node',
      target: 'node20',
      external: NATIVE_PACKAGES,
      plugins: [sourceImportMetaUrl(outDir, SERVER_ENTRY)],
      metafile: true,
      // A third less for V8 to read and parse at every start (4.2 → 2.9 MB; cold start −10–15 %
      // measured). Identifiers are kept, so a logged stack trace still names the functions.
      minifyWhitespace: true,
      minifySyntax: true,
    }),
    build({ ...common, entryPoints: ['scripts/server-launcher.ts'], outfile: path.join(outDir, path.basename(LAUNCHER_OUT)), platform: 'node', target: 'node20', metafile: true }),
  ]);
  for (const f of fs.readdirSync(outDir)) if (f.endsWith('.v8cache')) fs.rmSync(path.join(outDir, f), { force: true });
  const inputs = [...new Set([...Object.keys(server.metafile.inputs), ...Object.keys(launcher.metafile.inputs)])].map((p) => path.resolve(root, p));
  fs.writeFileSync(metaFileOf(outFile), JSON.stringify({ inputs: inputs.map((p) => path.relative(root, p)) }));
  return inputs;
}

/** Why the bundle must be (re)built, or null when it is newer than every file it was built from. */
export function serverBundleStale(outFile: string = SERVER_OUT): string | null {
  if (!fs.existsSync(outFile) || !fs.existsSync(path.join(path.dirname(outFile), path.basename(LAUNCHER_OUT)))) return 'no bundle yet';
  const metaFile = metaFileOf(outFile);
  if (!fs.existsSync(metaFile)) return 'no list of its inputs';
  const built = fs.statSync(outFile).mtimeMs;
  const { inputs } = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as { inputs: string[] };
  // package-lock.json: a dependency upgrade changes bundled code without touching a listed file's path.
  for (const rel of [...inputs, 'package-lock.json', 'scripts/build-server.ts', 'scripts/build-electron.ts']) {
    const file = path.resolve(root, rel);
    // A deleted input (a file renamed in the source tree) also means a rebuild.
    if (!fs.existsSync(file)) return `${rel} is gone`;
    if (fs.statSync(file).mtimeMs > built) return `${rel} changed`;
  }
  return null;
}

/** Builds the bundle when it is missing or stale; returns the launcher to run with node. */
export async function ensureServerBundle(opts: { log?: (msg: string) => void } = {}): Promise<string> {
  const why = serverBundleStale();
  if (why) {
    const t0 = performance.now();
    // Built beside the real folder (same depth, so the same relative source URLs) and moved in
    // file by file, the bundle last: a host starting meanwhile never reads a half-written bundle.
    const next = `${SERVER_DIR}.next-${process.pid}`;
    fs.rmSync(next, { recursive: true, force: true });
    await bundleServer(path.join(next, path.basename(SERVER_OUT)));
    fs.mkdirSync(SERVER_DIR, { recursive: true });
    const bundleName = path.basename(SERVER_OUT);
    for (const f of fs.readdirSync(SERVER_DIR)) if (f.endsWith('.v8cache')) fs.rmSync(path.join(SERVER_DIR, f), { force: true });
    for (const f of [...fs.readdirSync(next).filter((f) => f !== bundleName), bundleName]) fs.renameSync(path.join(next, f), path.join(SERVER_DIR, f));
    fs.rmSync(next, { recursive: true, force: true });
    opts.log?.(`web host bundle built (${why}) in ${(performance.now() - t0).toFixed(0)} ms: ${path.relative(root, SERVER_OUT)}`);
  }
  return LAUNCHER_OUT;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const ifStale = process.argv.includes('--if-stale');
  (ifStale ? ensureServerBundle({ log: (m) => console.error(m) }) : bundleServer().then(() => console.log(`server: ${path.relative(root, LAUNCHER_OUT)} → ${path.relative(root, SERVER_OUT)}`))).catch(
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
