import { ROLES, type Role } from '../roles';
import { api, type MethodName } from './index';
import { DATASET_SCREENS, type Dataset } from './grid';

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

export function mayReadDataset(role: Role, dataset: Dataset): boolean {
  return datasetRoles(dataset).includes(role);
}
