import type { Dataset } from '../../../../common/api/grid';
import { customersDataset } from './customers';
import { activitiesDataset } from './activities';
import { opportunitiesDataset } from './opportunities';
import { opportunitiesReviewDataset } from './opportunities-review';
import { showroomVisitsDataset } from './showroom-visits';
import { complaintsDataset } from './complaints';
import { serviceTasksDataset } from './service-tasks';
import { appointmentsDataset } from './appointments';
import { solicitationTasksDataset } from './solicitation-tasks';
import { surveysDataset } from './surveys';
import type { DatasetDef } from './types';

/** Every data set the grid serves: one file each. */
export const DATASET_DEFS: Record<Dataset, DatasetDef> = {
  customers: customersDataset,
  activities: activitiesDataset,
  opportunities: opportunitiesDataset,
  opportunitiesReview: opportunitiesReviewDataset,
  showroomVisits: showroomVisitsDataset,
  complaints: complaintsDataset,
  serviceTasks: serviceTasksDataset,
  appointments: appointmentsDataset,
  solicitationTasks: solicitationTasksDataset,
  surveys: surveysDataset,
};

export type { ColumnDef, DatasetDef } from './types';
