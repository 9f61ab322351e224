import { ROLES, type Role } from '../roles';
import { api, type MethodName } from './index';
import type { Dataset } from './grid';

/**
 * Which screen's method each grid data set belongs to: a data set may be read (columns, rows,
 * counts, export, views, "all N matching" selections) by exactly the roles that may call that
 * method, so a list never reaches further than its screen. A new data set must name one here
 * (the compiler checks the keys; tests/authz-matrix.test.ts prints the resulting matrix).
 */
export const DATASET_SCREEN_METHOD: Record<Dataset, MethodName> = {
  customers: 'customers.get',
  showroomVisits: 'showroom.visits.update',
  opportunities: 'opportunities.get',
  activities: 'activities.today',
  opportunitiesReview: 'sales.lists.stalled',
  appointments: 'appointments.day',
  solicitationTasks: 'solicitation.agents',
  complaints: 'complaints.get',
  serviceTasks: 'workbench.list',
  reminderFirstService: 'reminders.list',
  reminderRegularService: 'reminders.list',
  reminderMileageService: 'reminders.list',
  reminderExpiryInsurance: 'reminders.list',
  reminderExpiryMembership: 'reminders.list',
  reminderExpiryInspection: 'reminders.list',
  reminderExpiryLicence: 'reminders.list',
  reminderChurn: 'reminders.list',
  reminderBirthday: 'reminders.list',
  revisitSales: 'revisits.open',
  revisitRepair: 'revisits.open',
  recordings: 'telephony.call.get',
  jobRuns: 'scheduler.overview',
  surveys: 'surveys.import',
  smsTemplates: 'sms.templates',
  dictionaries: 'admin.dictionaries.kinds',
  walkInBatches: 'analysis.traffic.get',
};

/** The roles that may read a data set (see DATASET_SCREEN_METHOD). */
export function datasetRoles(dataset: Dataset): readonly Role[] {
  const access = api[DATASET_SCREEN_METHOD[dataset]].access;
  if (access === 'public' || access === 'session') return ROLES;
  return access;
}

export function mayReadDataset(role: Role, dataset: Dataset): boolean {
  return datasetRoles(dataset).includes(role);
}
