/**
 * The renderer is split by screen (issue 14 item 21): before, one 2 MB chunk held everything, so
 * the login page parsed ag-grid, echarts and sip.js before a user could type. This builds the
 * renderer in memory (vite, the real config) and follows the static imports from the entry — what
 * the browser must load before the login page runs — to check none of the heavy libraries is
 * among them, and that each of them sits in its own chunk.
 */
import path from 'node:path';
import { build, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
type Chunk = Rolldown.OutputChunk;
let chunks: Chunk[] = [];

beforeAll(async () => {
  const out = await build({
    configFile: path.join(root, 'renderer', 'vite.config.ts'),
    logLevel: 'silent',
    build: { write: false, sourcemap: false, minify: false },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rolldown.RolldownOutput[];
  chunks = outputs.flatMap((o) => o.output.filter((c): c is Chunk => c.type === 'chunk'));
}, 120_000);

const HEAVY = { 'ag-grid': /node_modules[\\/]ag-grid-/, echarts: /node_modules[\\/](echarts|zrender)[\\/]/, 'sip.js': /node_modules[\\/]sip\.js[\\/]/ };

/** Every chunk the entry loads before it runs (static imports, transitively). */
function staticClosure(entry: Chunk): Chunk[] {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Map<string, Chunk>();
  const visit = (c: Chunk) => {
    if (seen.has(c.fileName)) return;
    seen.set(c.fileName, c);
    for (const f of c.imports) visit(byFile.get(f)!);
  };
  visit(entry);
  return [...seen.values()];
}

describe('renderer chunks', () => {
  it('the login page loads none of ag-grid, echarts, sip.js — nor the shell', () => {
    const entry = chunks.find((c) => c.isEntry);
    expect(entry).toBeDefined();
    const modules = staticClosure(entry!).flatMap((c) => c.moduleIds);
    expect(modules.some((m) => m.includes('features/auth/LoginPage'))).toBe(true);
    for (const [lib, re] of Object.entries(HEAVY)) expect(modules.filter((m) => re.test(m)), lib).toEqual([]);
    expect(modules.filter((m) => /renderer[\\/]shell[\\/]Shell\.tsx$/.test(m))).toEqual([]);
    // Nor zod: the menu's screen registrations once pulled it in with the contract files (152 → 236 KB).
    expect(modules.filter((m) => /node_modules[\\/]zod[\\/]/.test(m))).toEqual([]);
  });

  it.each(Object.entries(HEAVY))('%s is in a chunk of its own, loaded only on demand', (_lib, re) => {
    const holders = chunks.filter((c) => c.moduleIds.some((m) => re.test(m)));
    expect(holders).toHaveLength(1);
    expect(holders[0]!.moduleIds.every((m) => re.test(m) || /node_modules|^\0|rolldown/.test(m)), holders[0]!.fileName).toBe(true);
  });

  it('each screen is a chunk of its own', () => {
    const screens = chunks.filter((c) => c.moduleIds.some((m) => /features[\\/]customers[\\/]CustomersScreen\.tsx$/.test(m)));
    expect(screens).toHaveLength(1);
    expect(screens[0]!.isEntry).toBe(false);
    expect(screens[0]!.moduleIds.some((m) => /FunnelScreen\.tsx$/.test(m))).toBe(false);
  });
});
