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
import { reminderVehiclesDataset } from './reminder-vehicles';
import { reminderBirthdayDataset } from './reminder-birthdays';
import { revisitEventsDataset } from './revisit-events';
import { recordingsDataset } from '../../telephony/recordings-dataset';
import { jobRunsDataset } from '../../scheduler/job-runs-dataset';
import { surveysDataset } from './surveys';
import { smsTemplatesDataset } from '../../sms/templates-dataset';
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
  reminderFirstService: reminderVehiclesDataset('first_service'),
  reminderRegularService: reminderVehiclesDataset('regular_service'),
  reminderMileageService: reminderVehiclesDataset('mileage_service'),
  reminderExpiryInsurance: reminderVehiclesDataset('expiry_insurance'),
  reminderExpiryMembership: reminderVehiclesDataset('expiry_membership'),
  reminderExpiryInspection: reminderVehiclesDataset('expiry_inspection'),
  reminderExpiryLicence: reminderVehiclesDataset('expiry_licence'),
  reminderChurn: reminderVehiclesDataset('churn'),
  reminderBirthday: reminderBirthdayDataset,
  revisitSales: revisitEventsDataset('sales'),
  revisitRepair: revisitEventsDataset('repair'),
  recordings: recordingsDataset,
  jobRuns: jobRunsDataset,
  surveys: surveysDataset,
  smsTemplates: smsTemplatesDataset,
};

export type { ColumnDef, DatasetDef } from './types';
