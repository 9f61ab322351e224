import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_INLINE_LABELS } from './i18n-inline-labels-known';

/**
 * Issue 16 item 5: grid column labels and enum options take both languages from their feature's
 * defineTexts table (`...COLUMNS.pair('id')`, enumOptions(TABLE)), never from a `zh: '…'` literal
 * written inline. Texts files (texts.ts, *-texts.ts), tests, the renderer's dictionaries and demo
 * data are not scanned; what the tree still has is in i18n-inline-labels-known.ts, which may only shrink.
 */
const ROOT = join(__dirname, '..');
const PAIR = /(^|[\s{,(])zh\s*:\s*['"`]/g;

function skipped(file: string): boolean {
  return (
    /\.test\.tsx?$/.test(file) ||
    /(^|\/)texts\.ts$/.test(file) ||
    /-texts\.ts$/.test(file) ||
    /^renderer\/i18n\/(zh-CN|en)\.ts$/.test(file) ||
    file.startsWith('electron/node/features/demo/')
  );
}

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules') files(path, out);
    } else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) {
      const file = relative(ROOT, path).split('\\').join('/');
      if (!skipped(file)) out.push(file);
    }
  }
  return out;
}

/** Comments blanked: a comment may quote a label. */
const code = (src: string) => src.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[\s;{}(),])\/\/[^\n]*/g, '$1');

function counts(): Map<string, number> {
  const out = new Map<string, number>();
  for (const file of [...files(join(ROOT, 'electron')), ...files(join(ROOT, 'renderer'))]) {
    const n = [...code(readFileSync(join(ROOT, file), 'utf8')).matchAll(PAIR)].length;
    if (n > 0) out.set(file, n);
  }
  return out;
}

describe('inline zh/en label pairs', () => {
  const found = counts();
  const known = new Map(KNOWN_INLINE_LABELS.map((k) => [k.file, k.count]));

  it("none outside a texts file beyond the known list (write it in the feature's texts.ts and read it with .pair())", () => {
    const fresh = [...found].filter(([file, n]) => n > (known.get(file) ?? 0)).map(([file, n]) => `${file}: ${n} (known ${known.get(file) ?? 0})`);
    expect(fresh).toEqual([]);
  });

  it('the known list has no paid debt (lower or delete its line)', () => {
    const paid = [...known].filter(([file, n]) => (found.get(file) ?? 0) < n).map(([file, n]) => `${file}: ${found.get(file) ?? 0} (known ${n})`);
    expect(paid).toEqual([]);
  });

  it('finds a pair written inline', () => {
    expect([...code("{ id: 'x', zh: '姓名', en: 'Name' }").matchAll(PAIR)]).toHaveLength(1);
    expect([...code("// { zh: '姓名' }\n{ ...C.pair('x') }").matchAll(PAIR)]).toHaveLength(0);
  });
});
