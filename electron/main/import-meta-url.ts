/**
 * Injected into the CommonJS bundles by scripts/build-electron.ts, which maps `import.meta.url` to
 * this export. The core is ESM source that finds files beside itself through import.meta.url; in a
 * CommonJS bundle import.meta is empty, so the bundle file's own URL stands in. Not imported by
 * any source file.
 */
import { pathToFileURL } from 'node:url';

export const import_meta_url = pathToFileURL(__filename).href;
