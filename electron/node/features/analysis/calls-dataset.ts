import { type DatasetDef, userNameColumn } from '../grid';
import { CALL_DIRECTION_OPTIONS, CALL_RESULT_OPTIONS } from '../../../common/api/telephony-texts';
import { callsPresets } from './calls-rules';
import { CALLS_COLUMNS } from './texts';

/**
 * 通话记录: every call of the call log (both directions, every seat) — what 呼叫中心's figures are
 * made of. The owner is the call's user; its screen is 呼叫中心, so the CS manager, the general
 * manager and the admin read it. Sorted on the indexed start time; the figures' presets pin a period.
 */
export const callsDataset: DatasetDef = {
  from: 'calls c',
  owner: 'c.user_id',
  searchCustomerId: 'c.customer_id',
  defaultSort: [{ col: 'startedAt', dir: 'desc' }],
  presets: callsPresets,
  columns: [
    { id: 'id', type: 'number', ...CALLS_COLUMNS.pair('id'), expr: 'c.id', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: false, width: 80 },
    { id: 'startedAt', type: 'datetime', ...CALLS_COLUMNS.pair('startedAt'), expr: 'c.started_at', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 150 },
    { id: 'direction', type: 'enum', ...CALLS_COLUMNS.pair('direction'), expr: 'c.direction', enumValues: CALL_DIRECTION_OPTIONS, nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 80 },
    userNameColumn({ id: 'userName', ...CALLS_COLUMNS.pair('userName'), userIdExpr: 'c.user_id', defaultVisible: true, width: 100 }),
    { id: 'userId', type: 'number', ...CALLS_COLUMNS.pair('userId'), expr: 'c.user_id', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 90 },
    { id: 'extension', type: 'text', ...CALLS_COLUMNS.pair('extension'), expr: 'c.extension', nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: false, width: 80 },
    { id: 'fromNumber', type: 'text', ...CALLS_COLUMNS.pair('fromNumber'), expr: 'c.from_number', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 130, phone: true },
    { id: 'toNumber', type: 'text', ...CALLS_COLUMNS.pair('toNumber'), expr: 'c.to_number', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 130, phone: true },
    { id: 'customerName', type: 'text', ...CALLS_COLUMNS.pair('customerName'), related: 'customers', expr: '(select cu.name from customers cu where cu.id = c.customer_id)', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 110 },
    { id: 'ringS', type: 'number', ...CALLS_COLUMNS.pair('ringS'), expr: '((c.answered_at - c.started_at) / 1000)', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 90 },
    { id: 'durationS', type: 'number', ...CALLS_COLUMNS.pair('durationS'), expr: 'c.duration_s', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 100 },
    { id: 'outcome', type: 'enum', ...CALLS_COLUMNS.pair('outcome'), expr: 'c.outcome', enumValues: CALL_RESULT_OPTIONS, nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 100 },
    { id: 'recorded', type: 'boolean', ...CALLS_COLUMNS.pair('recorded'), expr: '(exists (select 1 from recordings r where r.call_id = c.id and r.deleted_at is null))', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 80 },
  ],
};
