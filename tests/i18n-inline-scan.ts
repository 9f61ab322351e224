import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Finds messages written inline instead of in a feature's texts file (issue 16 item 5): what
 * tests/i18n-inline.test.ts counts per file, and tests/i18n-inline-known.ts lists as debt.
 *
 * - table:   a `'zh-CN': '…'` / `'zh-CN': {…}` text table outside a file named texts.ts or *-texts.ts;
 * - ternary: a choice on the locale (`zh ? …`, `locale === 'en' ? …`) whose branches hold a Chinese text;
 * - tsx:     a Chinese string literal, or Chinese JSX text, in a .tsx file.
 *
 * `zh: '…', en: '…'` pairs (grid columns, enum options) are another scan's part and are skipped here.
 */
export type InlineKind = 'table' | 'ternary' | 'tsx';

export interface InlineHit {
  file: string;
  kind: InlineKind;
  line: number;
  text: string;
}

const ROOTS = ['electron', 'renderer'];
const HAN = /\p{Script=Han}/u;

/** Files that are texts by design: texts files, the renderer's dictionaries, tests and demo data. */
function skipped(file: string): boolean {
  return (
    /\.test\.tsx?$/.test(file) ||
    /test-support/.test(file) ||
    /(^|\/)texts\.ts$/.test(file) ||
    /-texts\.ts$/.test(file) ||
    /^renderer\/i18n\/(zh-CN|en)\.ts$/.test(file) ||
    // Demo data: Chinese names, cities, streets and the like are the data itself.
    file.startsWith('electron/node/features/demo/')
  );
}

function sourceFiles(root: string, dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules') sourceFiles(root, path, out);
    } else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) {
      const file = relative(root, path).split('\\').join('/');
      if (!skipped(file)) out.push(file);
    }
  }
}

/** Comments blanked (their newlines kept, so line numbers hold): a comment may quote a Chinese text. */
function withoutComments(src: string): string {
  return src
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/(^|[\s;{}(),])\/\/[^\n]*/g, (c, lead: string) => lead + ' '.repeat(c.length - lead.length));
}

const lineOf = (src: string, index: number) => src.slice(0, index).split('\n').length;

const TABLE = /'zh-CN'\s*:\s*['"`{]/g;
// A condition on the locale followed by `?`: zh / isZh / en / isEn flags, or a comparison with a locale code.
const TERNARY =
  /(?:\b(?:zh|isZh|en|isEn)\b|\b[\w.]*[lL]ocale\s*[!=]==?\s*'(?:en|zh|zh-CN)'|'(?:en|zh|zh-CN)'\s*[!=]==?\s*[\w.]*[lL]ocale\b)\s*\)?\s*\?(?![.?])/g;
const LITERAL = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;
const PAIR_LINE = /\b(?:zh|en)\s*:\s*['"`]/;
const JSX_TEXT = />([^<>{}\n]*)</g;

export function scanSource(file: string, source: string): InlineHit[] {
  const src = withoutComments(source);
  const lines = src.split('\n');
  const hits: InlineHit[] = [];
  const hit = (kind: InlineKind, index: number) => {
    const line = lineOf(src, index);
    hits.push({ file, kind, line, text: (lines[line - 1] ?? '').trim().slice(0, 160) });
  };
  for (const m of src.matchAll(TABLE)) hit('table', m.index);
  for (const m of src.matchAll(TERNARY)) {
    // The two branches: up to the end of the statement, at most a few lines on.
    const rest = src.slice(m.index + m[0].length, m.index + m[0].length + 300).split(/;|\n\s*\n/)[0] ?? '';
    if ([...rest.matchAll(LITERAL)].some((l) => HAN.test(l[0]))) hit('ternary', m.index);
  }
  if (file.endsWith('.tsx')) {
    for (const m of src.matchAll(LITERAL)) {
      if (!HAN.test(m[0])) continue;
      const line = lines[lineOf(src, m.index) - 1] ?? '';
      if (PAIR_LINE.test(line)) continue;
      hit('tsx', m.index);
    }
    for (const m of src.matchAll(JSX_TEXT)) if (HAN.test(m[1] ?? '')) hit('tsx', m.index);
  }
  // A ternary with a Chinese literal in a .tsx counts once, as a ternary.
  const ternaryLines = new Set(hits.filter((h) => h.kind === 'ternary').map((h) => h.line));
  return hits.filter((h) => h.kind !== 'tsx' || !ternaryLines.has(h.line));
}

/** Every inline message under electron/ and renderer/ of the tree at `root`. */
export function scanTree(root: string): InlineHit[] {
  const files: string[] = [];
  for (const r of ROOTS) sourceFiles(root, join(root, r), files);
  return files.sort().flatMap((f) => scanSource(f, readFileSync(join(root, f), 'utf8')));
}
