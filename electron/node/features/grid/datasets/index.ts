import type { Dataset } from '../../../../common/api/grid';
import { customersDataset } from './customers';
import type { DatasetDef } from './types';

/** Every data set the grid serves: one file each. */
export const DATASET_DEFS: Record<Dataset, DatasetDef> = {
  customers: customersDataset,
};

export type { ColumnDef, DatasetDef } from './types';
