import { sql } from 'drizzle-orm';
import { SOLICITATION_STATE } from '../../../../common/api/service-texts';
import { auditPeriodStart } from '../solicitation-rules';
import { addDays, dayStartMs, todayIn } from '../../../../common/dates';
import { type DatasetDef, mergePresets, userNameColumn } from '../../grid';
import { auditCustomerIdColumn, selfAuditPresets } from '../../self-audit';
import { aftersalesPresets } from '../../analysis';
import { primaryPhoneExpr } from '../../customers';
import { SOLICITATION_KIND, SOLICITATION_TASK_COLUMNS } from './texts';
import { queuePresets } from '../task-queues';
import { enumOptions } from '../../../../common/i18n/enum-options';

const STATES = enumOptions(SOLICITATION_STATE);

/** The audit's export: regular-service tasks created in the last six months (the dealer's calendar). */
const auditPeriod = ({ timeZone, now }: { timeZone: string; now: number }) => {
  const today = todayIn(timeZone, now);
  return sql`c.kind = 'regular_service' and c.created_at >= ${dayStartMs(auditPeriodStart(today), timeZone)} and c.created_at < ${dayStartMs(addDays(today, 1), timeZone)}`;
};

/**
 * 招揽任务单: one row per task with customer, vehicle, window, state and agent. The owner is the
 * assigned agent (mine = my tasks; 全部 for managers, where unassigned tasks are). Sorted by id
 * only (the primary key). Export of the preset 'auditPeriod' is the audit's six-month file.
 */
export const solicitationTasksDataset: DatasetDef = {
  from: 'solicitation_tasks c',
  searchCustomerId: 'c.customer_id',
  owner: 'c.assignee_id',
  defaultSort: [{ col: 'id', dir: 'desc' }],
  presets: mergePresets(
    {
      auditPeriod,
      // The tasks that pull 招揽率 down: 未分配 + 已分配 within the audit period.
      pulling: (ctx) => sql`${auditPeriod(ctx)} and c.status in ('unassigned', 'assigned')`,
    },
    // 审核自查's 招揽率 over any period ('audit:5:…').
    selfAuditPresets('solicitationTasks'),
    // 售后 / 客服's 招揽率 and 成功率 ('sol.w@…', 'sol.s@…', 'sol.n@…').
    aftersalesPresets('solicitationTasks'),
    // 坐席监控's 招揽 queue depth ('queue:solicitation').
    queuePresets('solicitation'),
  ),
  columns: [
    { id: 'id', type: 'number', ...SOLICITATION_TASK_COLUMNS.pair('id'), expr: 'c.id', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 80 },
    { id: 'kind', type: 'enum', ...SOLICITATION_TASK_COLUMNS.pair('kind'), expr: 'c.kind', enumValues: enumOptions(SOLICITATION_KIND), nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 100 },
    { id: 'customerName', type: 'text', ...SOLICITATION_TASK_COLUMNS.pair('customerName'), related: 'customers', expr: '(select cu.name from customers cu where cu.id = c.customer_id)', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 110 },
    { id: 'phone', type: 'text', ...SOLICITATION_TASK_COLUMNS.pair('phone'), phone: true, related: 'customers', expr: primaryPhoneExpr('c.customer_id'), masked: true, nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 130 },
    { id: 'plate', type: 'text', ...SOLICITATION_TASK_COLUMNS.pair('plate'), related: 'vehicles', expr: '(select v.plate from vehicles v where v.id = c.vehicle_id)', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 100 },
    { id: 'windowStart', type: 'date', ...SOLICITATION_TASK_COLUMNS.pair('windowStart'), expr: 'c.window_start', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 100 },
    { id: 'windowEnd', type: 'date', ...SOLICITATION_TASK_COLUMNS.pair('windowEnd'), expr: 'c.window_end', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 100 },
    { id: 'status', type: 'enum', ...SOLICITATION_TASK_COLUMNS.pair('status'), expr: 'c.status', enumValues: STATES, nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 90 },
    userNameColumn({ id: 'assigneeName', ...SOLICITATION_TASK_COLUMNS.pair('assigneeName'), userIdExpr: 'c.assignee_id', defaultVisible: true }),
    { id: 'failReason', type: 'enum', ...SOLICITATION_TASK_COLUMNS.pair('failReason'), expr: 'c.fail_reason', dict: 'solicitation_fail_reason', nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: false, width: 160 },
    { id: 'createdAt', type: 'datetime', ...SOLICITATION_TASK_COLUMNS.pair('createdAt'), expr: 'c.created_at', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 150 },
    // The task's customer: 审核自查 opens the card from an offending task.
    auditCustomerIdColumn('c.customer_id'),
  ],
};
