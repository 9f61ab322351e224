import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The import graph between feature folders (electron/node/features/<f>, renderer/features/<f>),
 * read with TypeScript's own parser: import / export … from / import() of relative paths, type-only
 * imports included (a type is part of a feature's surface too). Test files are left out: nothing
 * imports a test, so it cannot close a circle, and a test may use another feature's fixtures.
 */
export const FEATURE_ROOTS = ['electron/node/features', 'renderer/features'] as const;

export interface FeatureImport {
  /** Importing file and imported file, relative to the repository, with '/' separators. */
  from: string;
  to: string;
  fromFeature: string;
  toFeature: string;
}

const isTest = (f: string) => /\.test(-support)?\.tsx?$/.test(f);

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** 'electron/node/features/sales' for a file inside that folder; null for a file outside any feature (e.g. registry.ts). */
export function featureOf(file: string): string | null {
  for (const r of FEATURE_ROOTS) {
    const rel = path.posix.relative(r, file);
    if (!rel.startsWith('..') && rel.includes('/')) return `${r}/${rel.split('/')[0]}`;
  }
  return null;
}

function resolveRelative(root: string, from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    const abs = path.join(root, c);
    if (fs.existsSync(abs) && fs.statSync(abs).isFile()) return c;
  }
  return null;
}

function specifiers(file: string, text: string): string[] {
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) out.push(n.moduleSpecifier.text);
    else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0] && ts.isStringLiteral(n.arguments[0])) out.push(n.arguments[0].text);
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

/** Every import from one feature folder into another, test files left out. */
export function crossFeatureImports(root: string): FeatureImport[] {
  const out: FeatureImport[] = [];
  for (const r of FEATURE_ROOTS) {
    for (const abs of sourceFiles(path.join(root, r))) {
      const from = path.relative(root, abs).split(path.sep).join('/');
      const fromFeature = featureOf(from);
      if (!fromFeature || isTest(from)) continue;
      for (const spec of specifiers(from, fs.readFileSync(abs, 'utf8'))) {
        const to = resolveRelative(root, from, spec);
        const toFeature = to && featureOf(to);
        if (to && toFeature && toFeature !== fromFeature) out.push({ from, to, fromFeature, toFeature });
      }
    }
  }
  return out;
}

/** A feature's public surface: its index.ts (or index.tsx) at the top of its folder. */
export const isPublicSurface = (imp: FeatureImport) => /^index\.tsx?$/.test(imp.to.slice(imp.toFeature.length + 1));

/**
 * The feature-to-feature edges that lie on a circle ('a -> b' where b reaches a again), each with
 * the imports that make it, found with Tarjan's strongly connected components.
 */
export function cycleEdges(imports: FeatureImport[]): Map<string, FeatureImport[]> {
  const next = new Map<string, Set<string>>();
  for (const i of imports) {
    if (!next.has(i.fromFeature)) next.set(i.fromFeature, new Set());
    next.get(i.fromFeature)!.add(i.toFeature);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const component = new Map<string, number>();
  const stack: string[] = [];
  let counter = 0;
  let components = 0;
  const strong = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (!component.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      let w: string;
      do {
        w = stack.pop()!;
        component.set(w, components);
      } while (w !== v);
      components++;
    }
  };
  for (const v of next.keys()) if (!index.has(v)) strong(v);
  const edges = new Map<string, FeatureImport[]>();
  for (const i of imports) {
    if (component.get(i.fromFeature) !== component.get(i.toFeature)) continue;
    const key = `${i.fromFeature} -> ${i.toFeature}`;
    if (!edges.has(key)) edges.set(key, []);
    edges.get(key)!.push(i);
  }
  return edges;
}
