import { mayDescribeDataset, mayReadDataset } from '../../../common/api/dataset-access';
import type { Dataset } from '../../../common/api/grid';
import { AppError } from '../../errors';
import type { SessionCtx } from '../auth';

/**
 * FORBIDDEN unless the user's role may open the screen the data set belongs to, or reads a
 * 审核自查 check's records through its preset (common/api/dataset-access.ts).
 */
export function assertMayReadDataset(s: SessionCtx, dataset: Dataset, preset?: string | null): void {
  if (!mayReadDataset(s.user.role, dataset, preset)) throw new AppError('FORBIDDEN');
}

/** FORBIDDEN unless the user may see the data set's columns and saved views (no records). */
export function assertMayDescribeDataset(s: SessionCtx, dataset: Dataset): void {
  if (!mayDescribeDataset(s.user.role, dataset)) throw new AppError('FORBIDDEN');
}
