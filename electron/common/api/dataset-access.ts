import { ROLES, type Role } from '../roles';
import { api, type MethodName } from './index';
import { DATASET_SCREENS, type Dataset } from './grid';
import { isAuditPreset, SELF_AUDIT_DATASETS, SELF_AUDIT_ROLES } from './self-audit-roles';

/**
 * Which screen's method each grid data set belongs to (written once, beside the data set's name, in
 * grid.ts' DATASET_SCREENS): the type here makes the compiler check that each is a method of the
 * contract.
 */
export const DATASET_SCREEN_METHOD: Readonly<Record<Dataset, MethodName>> = DATASET_SCREENS;

/** The roles that may read a data set (see DATASET_SCREEN_METHOD). */
export function datasetRoles(dataset: Dataset): readonly Role[] {
  const access = api[DATASET_SCREEN_METHOD[dataset]].access;
  if (access === 'public' || access === 'session') return ROLES;
  return access;
}

/**
 * Whether a role may read a data set's rows under this filter preset. Besides the data set's own
 * screen roles, 审核自查's roles may read a check's offending records through the check's preset
 * ('audit:…'): the CRM manager answers for showroom records (checks 1–3) without being given
 * 展厅流量's list, so any other filter on showroomVisits stays refused to them. The grid refuses a
 * preset the data set does not have, so 'audit:' on another data set reads nothing.
 */
export function mayReadDataset(role: Role, dataset: Dataset, preset?: string | null): boolean {
  return datasetRoles(dataset).includes(role) || (isAuditPreset(preset) && mayDescribeDataset(role, dataset));
}

/**
 * Whether a role may see a data set's columns and keep its own saved views of it — no records: its
 * screen roles, and 审核自查's roles on the data sets a check lists (the grid of a check's records
 * needs its columns).
 */
export function mayDescribeDataset(role: Role, dataset: Dataset): boolean {
  return datasetRoles(dataset).includes(role) || (SELF_AUDIT_ROLES.includes(role) && SELF_AUDIT_DATASETS.includes(dataset));
}
