import type { Contract } from '../common/api/contract';
import type { Dataset } from '../common/api/grid';
import type { DatasetDef } from './features/grid/datasets/types';
import type { Handlers } from './handlers';

/**
 * A feature as the host sees it: everything it serves, declared in its own folder
 * (electron/node/features/<name>/feature.ts) and listed once in features/registry.ts.
 * - `handlers`: one per method of the feature's contract (electron/common/api/<name>.ts); the
 *   registry checks at compile time that every method of the whole contract has exactly one.
 * - `datasets`: the grid data sets the feature's screens list (their names are in the contract's
 *   DATASETS); the grid serves them without knowing the feature.
 * Cross-feature use goes through a feature's index.ts, never into its files.
 */
export interface NodeFeature<H extends Handlers<Contract> = Handlers<Contract>> {
  name: string;
  /** The feature's handler maps spread together, each typed by its contract (Handlers<typeof xApi>). */
  handlers: H;
  datasets?: Partial<Record<Dataset, DatasetDef>>;
}

/** Declares a feature; its handlers keep their exact type, so the registry can check the whole contract. */
export function defineFeature<H extends Handlers<Contract>>(feature: NodeFeature<H>): NodeFeature<H> {
  return feature;
}
