/**
 * Starts the web host bundle (dist/server/serve.cjs) with a V8 code cache beside it, built by
 * scripts/build-server.ts into dist/server/launch.cjs: `node dist/server/launch.cjs --port …`.
 *
 * Why: compiling the 2.9 MB bundle is a good part of a cold start; with the code V8 compiled
 * during the last start read back from disk, a start used 100–150 ms less CPU (measured at 1M
 * customers). Node 20 has no module.enableCompileCache (Node ≥ 22.1), so this does the same with
 * vm.Script's cachedData. V8 checks a cache only against the source's length, so the cache file is
 * named by the bundle's content hash; a new bundle never meets an old cache (and the build removes
 * old ones). No cache, or one V8 rejects: the bundle runs as usual and the cache is written a few
 * seconds after start, once the start-up code has been compiled (or at exit, if sooner).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

function launch(bundle: string): void {
  const source = fs.readFileSync(bundle, 'utf8');
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
  const cacheFile = `${bundle}.${hash}.v8cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapper, { filename: bundle, cachedData });
  // The bundle checks whether it is the script that was run (serve.ts's isMain).
  process.argv[1] = bundle;
  const mod = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void).call(mod.exports, mod.exports, createRequire(bundle), mod, bundle, path.dirname(bundle));
  if (!cachedData || script.cachedDataRejected) {
    let written = false;
    const writeCache = () => {
      if (written) return;
      written = true;
      try {
        fs.writeFileSync(cacheFile, script.createCachedData());
      } catch {
        // A read-only install folder: start without the cache next time too.
      }
    };
    // Once the start-up code has been compiled, or at exit if that comes first (synchronous, as
    // an exit handler must be).
    setTimeout(writeCache, 5_000).unref();
    process.once('exit', writeCache);
  }
}

launch(path.join(__dirname, 'serve.cjs'));
