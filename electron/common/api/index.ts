import { authApi } from './auth';
import { adminApi } from './admin';
import { seatsApi } from './seats';
import { customersApi, customersEditApi, customerSearchApi } from './customers';
import { gridApi } from './grid';
import { salesApi } from './sales';
import { showroomApi } from './showroom';
import { salesAnalysisApi } from './sales-analysis';
import { activitiesApi } from './activities';
import { remindersApi } from './reminders';
import { revisitsApi } from './revisits';
import { appointmentsApi } from './appointments';
import { solicitationApi } from './solicitation';
import { complaintsApi } from './complaints';
import { workbenchApi } from './workbench';
import { taskPoolApi } from './task-pool';
import { smsApi } from './sms';
import { serviceVisitsApi } from './service-visits';
import { surveysApi } from './surveys';
import { telephonyApi } from './telephony';
import { schedulerApi } from './scheduler';
import { systemApi } from './system';
import { seatApi } from './seat-mode';
import { dictionariesApi } from './dictionaries';
import { dataImportApi } from './data-import';
import { backupApi } from './backup';
import { dedupeApi } from './dedupe';
import { reconcileApi } from './reconcile';
import { analysisApi } from './analysis';
import { aftersalesAnalysisApi } from './analysis-aftersales';
import { callsAnalysisApi } from './analysis-calls';
import { analysisMonthlyApi } from './analysis-monthly';
import { selfAuditApi } from './self-audit';
import { callCenterApi } from './call-center';
import { dialerApi } from './dialer';
import type { InputOf, OutputOf } from './contract';

/** The one API contract: every method the renderer may call, on either transport. */
export const api = {
  ...authApi,
  ...adminApi,
  ...seatsApi,
  ...customersApi,
  ...customersEditApi,
  ...customerSearchApi,
  ...gridApi,
  ...salesApi,
  ...showroomApi,
  ...salesAnalysisApi,
  ...activitiesApi,
  ...remindersApi,
  ...complaintsApi,
  ...workbenchApi,
  ...taskPoolApi,
  ...appointmentsApi,
  ...solicitationApi,
  ...revisitsApi,
  ...smsApi,
  ...serviceVisitsApi,
  ...surveysApi,
  ...telephonyApi,
  ...schedulerApi,
  ...systemApi,
  ...seatApi,
  ...dictionariesApi,
  ...dataImportApi,
  ...backupApi,
  ...dedupeApi,
  ...reconcileApi,
  ...analysisApi,
  ...aftersalesAnalysisApi,
  ...callsAnalysisApi,
  ...analysisMonthlyApi,
  ...selfAuditApi,
  ...callCenterApi,
  ...dialerApi,
} as const;

export type Api = typeof api;
export type MethodName = keyof Api;
export type Input<M extends MethodName> = InputOf<Api[M]>;
export type Output<M extends MethodName> = OutputOf<Api[M]>;

export * from './contract';
export type * from './auth';
export type * from './admin';
export type * from './seats';
export type * from './customers';
export type * from './grid';
export type * from './sales';
export type * from './showroom';
export type * from './sales-analysis';
export type * from './activities';
export type * from './reminders';
export type * from './events';
export type * from './complaints';
export type * from './workbench';
export type * from './task-pool';
export type * from './appointments';
export type * from './solicitation';
export type * from './revisits';
export type * from './sms';
export type * from './service-visits';
export type * from './surveys';
export type * from './call-center';
export type * from './telephony';
export type * from './scheduler';
export type * from './system';
export type * from './seat-mode';
export type * from './dictionaries';
export type * from './data-import';
export type * from './backup';
export type * from './analysis';
export type * from './analysis-aftersales';
export type * from './analysis-calls';
export type * from './analysis-monthly';
export type * from './self-audit';
