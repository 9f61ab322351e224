import { sql } from 'drizzle-orm';
import { SERVICE_TASK_KIND, TASK_PRIORITY } from '../../../../common/api/service-texts';
import { type DatasetDef, mergePresets, userNameColumn } from '../../grid';
import { selfAuditPresets } from '../../self-audit';
import { aftersalesPresets } from '../../analysis';
import { SERVICE_TASK_COLUMNS, SERVICE_TASK_STATUS } from './texts';
import { queuePresets } from '../task-queues';
import { enumOptions } from '../../../../common/i18n/enum-options';

const STATUSES = enumOptions(SERVICE_TASK_STATUS);
// The keys look like numbers: the order is given, the most urgent first.
const PRIORITIES = enumOptions(TASK_PRIORITY, ['2', '1', '0']);

/**
 * 客服任务: the agents' tasks (tasks table) of every kind. The owner is the assignee (mine = my
 * tasks). Sorted by id only; the workbench (workbench.list) gives an agent's today / overdue view.
 * Presets for 任务分配: the open tasks nobody has yet (the night's generated tasks wait there), and
 * every open task (tasks_assignee_idx serves both).
 */
export const serviceTasksDataset: DatasetDef = {
  from: 'tasks c',
  searchCustomerId: 'c.customer_id',
  owner: 'c.assignee_id',
  defaultSort: [{ col: 'id', dir: 'desc' }],
  presets: mergePresets(
    {
      unassigned: () => sql`c.assignee_id is null and c.status in ('open', 'in_progress')`,
      open: () => sql`c.status in ('open', 'in_progress')`,
    },
    // 审核自查's late or empty low-score follow-ups ('audit:7:…').
    selfAuditPresets('serviceTasks'),
    // 售后 / 客服's reminders sent → appointments → arrivals ('rm<n>[a|v]@…').
    aftersalesPresets('serviceTasks'),
    // 坐席监控's queue depths ('queue:<kind>').
    queuePresets('task'),
  ),
  columns: [
    { id: 'id', type: 'number', ...SERVICE_TASK_COLUMNS.pair('id'), expr: 'c.id', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: false, width: 80 },
    { id: 'customerId', type: 'number', ...SERVICE_TASK_COLUMNS.pair('customerId'), expr: 'c.customer_id', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 90 },
    { id: 'customerName', type: 'text', ...SERVICE_TASK_COLUMNS.pair('customerName'), related: 'customers', expr: '(select cu.name from customers cu where cu.id = c.customer_id)', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 120 },
    { id: 'kind', type: 'enum', ...SERVICE_TASK_COLUMNS.pair('kind'), expr: 'c.kind', enumValues: enumOptions(SERVICE_TASK_KIND), nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 120 },
    { id: 'dueDate', type: 'date', ...SERVICE_TASK_COLUMNS.pair('dueDate'), expr: 'c.due_date', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 110 },
    // Text for the grid's enum filter (the list's keys are '0' '1' '2'); no index: a filter scans like 原因's.
    { id: 'priority', type: 'enum', ...SERVICE_TASK_COLUMNS.pair('priority'), expr: 'cast(c.priority as text)', enumValues: PRIORITIES, nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 80 },
    { id: 'status', type: 'enum', ...SERVICE_TASK_COLUMNS.pair('status'), expr: 'c.status', enumValues: STATUSES, nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 90 },
    userNameColumn({ id: 'assigneeName', ...SERVICE_TASK_COLUMNS.pair('assigneeName'), userIdExpr: 'c.assignee_id', defaultVisible: true }),
    { id: 'reason', type: 'text', ...SERVICE_TASK_COLUMNS.pair('reason'), expr: 'c.reason', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 220 },
    { id: 'notes', type: 'text', ...SERVICE_TASK_COLUMNS.pair('notes'), expr: 'c.notes', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 200 },
  ],
};
