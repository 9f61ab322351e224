import { sql } from 'drizzle-orm';
import { SERVICE_TASK_KINDS } from '../../../../common/service-tasks';
import type { DatasetDef } from '../../grid/datasets/types';
import { userNameColumn } from '../../grid/datasets';

const STATUSES = [
  { value: 'open', zh: '待处理', en: 'Open' },
  { value: 'in_progress', zh: '处理中', en: 'In progress' },
  { value: 'done', zh: '已完成', en: 'Done' },
  { value: 'failed', zh: '未成功', en: 'Failed' },
  { value: 'cancelled', zh: '已取消', en: 'Cancelled' },
];

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
  presets: {
    unassigned: () => sql`c.assignee_id is null and c.status in ('open', 'in_progress')`,
    open: () => sql`c.status in ('open', 'in_progress')`,
  },
  columns: [
    { id: 'id', type: 'number', zh: '编号', en: 'ID', expr: 'c.id', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: false, width: 80 },
    { id: 'customerId', type: 'number', zh: '客户编号', en: 'Customer ID', expr: 'c.customer_id', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 90 },
    { id: 'customerName', type: 'text', zh: '客户', en: 'Customer', related: 'customers', expr: '(select cu.name from customers cu where cu.id = c.customer_id)', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 120 },
    { id: 'kind', type: 'enum', zh: '任务类型', en: 'Kind', expr: 'c.kind', enumValues: SERVICE_TASK_KINDS.map(({ code, zh, en }) => ({ value: code, zh, en })), nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 120 },
    { id: 'dueDate', type: 'date', zh: '到期日', en: 'Due', expr: 'c.due_date', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 110 },
    { id: 'status', type: 'enum', zh: '状态', en: 'Status', expr: 'c.status', enumValues: STATUSES, nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 90 },
    userNameColumn({ id: 'assigneeName', zh: '客服顾问', en: 'Agent', userIdExpr: 'c.assignee_id', defaultVisible: true }),
    { id: 'reason', type: 'text', zh: '原因', en: 'Reason', expr: 'c.reason', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 220 },
    { id: 'notes', type: 'text', zh: '备注', en: 'Notes', expr: 'c.notes', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 200 },
  ],
};
