import type { Dataset } from '../../../../common/api/grid';
import { customersDataset } from './customers';
import { activitiesDataset } from './activities';
import { opportunitiesDataset } from './opportunities';
import { showroomVisitsDataset } from './showroom-visits';
import type { DatasetDef } from './types';

/** Every data set the grid serves: one file each. */
export const DATASET_DEFS: Record<Dataset, DatasetDef> = {
  customers: customersDataset,
  activities: activitiesDataset,
  opportunities: opportunitiesDataset,
  showroomVisits: showroomVisitsDataset,
};

export type { ColumnDef, DatasetDef } from './types';
