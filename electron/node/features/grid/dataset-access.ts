import { mayReadDataset } from '../../../common/api/dataset-access';
import type { Dataset } from '../../../common/api/grid';
import { AppError } from '../../errors';
import type { SessionCtx } from '../auth';

/** FORBIDDEN unless the user's role may open the screen the data set belongs to. */
export function assertMayReadDataset(s: SessionCtx, dataset: Dataset): void {
  if (!mayReadDataset(s.user.role, dataset)) throw new AppError('FORBIDDEN');
}
