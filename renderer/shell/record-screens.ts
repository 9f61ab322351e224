import type { Dataset } from '../../electron/common/api/grid';
import type { ScreenId } from '../features/registry';

/**
 * The screen where a grid row's record is edited, per data set: one table, so every list that
 * opens rows (审核自查's checks, the analysis drill-downs) opens the same screen for the same record.
 * The screen takes the ask with useRecordRequest and opens its own form for the row's id. A data
 * set not listed opens the customer's card (its rows carry customerId).
 * - 展厅流量: the visit's form; 销售回访 / 维修回访: the revisit form; a low-score follow-up
 *   (serviceTasks of 审核自查 check 7): 销售回访's 低分跟进 list with the task's close form;
 *   招揽任务单: the task's outcome form.
 */
export const RECORD_SCREENS: Partial<Record<Dataset, (row: Record<string, unknown>) => ScreenId | null>> = {
  showroomVisits: () => 'sales.showroomTraffic',
  revisitSales: () => 'service.salesRevisits',
  revisitRepair: () => 'service.repairRevisits',
  // Only a low-score follow-up has its form there; the list must show the task's kind.
  serviceTasks: (row) => (row.kind === 'low_score' ? 'service.salesRevisits' : null),
  solicitationTasks: () => 'service.solicitation',
};

/** The screen of a row's record, or null: the customer's card then. */
export const recordScreen = (dataset: Dataset, row: Record<string, unknown>): ScreenId | null => RECORD_SCREENS[dataset]?.(row) ?? null;
