import { DATASETS, type Dataset } from '../../../../common/api/grid';
import type { DatasetDef } from './types';

/**
 * The grid's data sets, registered by the features that own them (features/registry.ts does it
 * once, at load): the grid serves a list without importing the feature behind it.
 */
const defs = new Map<Dataset, DatasetDef>();

export function registerDatasets(owner: string, sets: Partial<Record<Dataset, DatasetDef>>): void {
  for (const [name, def] of Object.entries(sets) as [Dataset, DatasetDef][]) {
    if (!(DATASETS as readonly string[]).includes(name)) throw new Error(`${owner}: data set '${name}' is not in the contract's DATASETS (electron/common/api/grid.ts)`);
    if (defs.has(name) && defs.get(name) !== def) throw new Error(`${owner}: data set '${name}' is registered twice`);
    defs.set(name, def);
  }
}

/** A data set's definition; every name of DATASETS is registered (features/registry.test.ts). */
export function datasetDef(name: Dataset): DatasetDef {
  const def = defs.get(name);
  if (!def) throw new Error(`data set '${name}' has no registered definition (features/registry.ts)`);
  return def;
}
