import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossFeatureImports, cycleEdges, isPublicSurface, type FeatureImport } from './support/feature-imports';
import { KNOWN_CYCLE_EDGES, KNOWN_DEEP_IMPORTS } from './architecture-known';

/**
 * Feature boundaries (issue 16 item 1): no circle between feature folders, and another feature is
 * used through its public surface (its index.ts), never by reaching into its files. What the tree
 * had when the rule came in is listed in architecture-known.ts; that list may only shrink — a new
 * circle or a new reach into another feature's files fails here, naming the files.
 */
const root = path.resolve(__dirname, '..');
const short = (feature: string) => feature.replace('electron/node/features/', 'node/').replace('renderer/features/', 'renderer/');
const deepKey = (i: FeatureImport) => `${short(i.fromFeature)} -> ${i.to}`;

describe('feature folders', () => {
  const imports = crossFeatureImports(root);

  it('reads the imports between features (the graph is not empty)', () => {
    expect(imports.length).toBeGreaterThan(50);
    expect(imports.some((i) => i.fromFeature === 'electron/node/features/scheduler')).toBe(true);
  });

  it('import each other in no new circle', () => {
    const known = new Set(KNOWN_CYCLE_EDGES);
    const fresh = [...cycleEdges(imports)]
      .filter(([edge]) => !known.has(edge.split(' -> ').map(short).join(' -> ')))
      .map(([edge, via]) => `${edge}: ${via.map((i) => `${i.from} imports ${i.to}`).join('; ')}`);
    expect(fresh, 'a circle between feature folders: move the shared part to a neutral place or use an event/registration').toEqual([]);
  });

  it("use another feature only through its index.ts (no new deep import)", () => {
    const known = new Set(KNOWN_DEEP_IMPORTS);
    const fresh = imports.filter((i) => !isPublicSurface(i) && !known.has(deepKey(i))).map((i) => `${i.from} imports ${i.to}`);
    expect(fresh, "import the other feature's index.ts (add the export there)").toEqual([]);
  });

  it('lists no debt that is already paid (delete its line from architecture-known.ts)', () => {
    const cycles = new Set([...cycleEdges(imports).keys()].map((edge) => edge.split(' -> ').map(short).join(' -> ')));
    const deep = new Set(imports.filter((i) => !isPublicSurface(i)).map(deepKey));
    expect(KNOWN_CYCLE_EDGES.filter((e) => !cycles.has(e)), 'this circle is gone: delete its line').toEqual([]);
    expect(KNOWN_DEEP_IMPORTS.filter((e) => !deep.has(e)), 'this import is gone or goes through index.ts: delete its line').toEqual([]);
  });
});

describe('the circle finder', () => {
  const imp = (from: string, to: string): FeatureImport => ({ from: `${from}/a.ts`, to: `${to}/b.ts`, fromFeature: from, toFeature: to });

  it('names every edge on a circle, through a third feature too, and none off it', () => {
    const edges = cycleEdges([imp('sms', 'scheduler'), imp('scheduler', 'grid'), imp('grid', 'sms'), imp('sales', 'grid'), imp('auth', 'admin')]);
    expect([...edges.keys()].sort()).toEqual(['grid -> sms', 'scheduler -> grid', 'sms -> scheduler']);
  });

  it('finds none in a layered graph', () => {
    expect(cycleEdges([imp('sales', 'customers'), imp('customers', 'auth'), imp('sales', 'auth')]).size).toBe(0);
  });
});
