import { api } from '../../../common/api';
import { DATASET_SCREEN_METHOD, mayDescribeDataset, mayReadDataset } from '../../../common/api/dataset-access';
import type { Dataset } from '../../../common/api/grid';
import { mayCall, methodModule, NO_OVERRIDES, type ModuleOverrides } from '../../../common/module-access';
import { AppError } from '../../errors';
import type { SessionCtx } from '../auth';

/**
 * The user's module overrides (模块功能自由分配) on a data set: its screen's module taken away refuses
 * it whatever the role says; a module given opens the data sets of that module's everyday screens.
 */
function byModule(s: SessionCtx, dataset: Dataset, o: ModuleOverrides, byRole: boolean): boolean {
  const method = DATASET_SCREEN_METHOD[dataset];
  const m = methodModule(method);
  if (m && o.revoked.includes(m)) return false;
  return byRole || mayCall(s.user.role, o, method, api[method].access);
}

/**
 * FORBIDDEN unless the user's role may open the screen the data set belongs to (or its module was
 * given to them), or reads a 审核自查 check's records through its preset (common/api/dataset-access.ts).
 */
export function assertMayReadDataset(s: SessionCtx, dataset: Dataset, preset?: string | null, o: ModuleOverrides = NO_OVERRIDES): void {
  if (!byModule(s, dataset, o, mayReadDataset(s.user.role, dataset, preset))) throw new AppError('FORBIDDEN');
}

/** FORBIDDEN unless the user may see the data set's columns and saved views (no records). */
export function assertMayDescribeDataset(s: SessionCtx, dataset: Dataset, o: ModuleOverrides = NO_OVERRIDES): void {
  if (!byModule(s, dataset, o, mayDescribeDataset(s.user.role, dataset))) throw new AppError('FORBIDDEN');
}
