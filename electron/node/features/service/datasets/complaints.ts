import { COMPLAINT_STATUSES } from '../../../../common/api/complaints';
import { type DatasetDef, userNameColumn } from '../../grid';
import { COMPLAINT_COLUMNS } from './texts';
import { aftersalesPresets } from '../../analysis';

/**
 * 投诉建议: every complaint with its customer, vehicle and assignee. The owner is the assignee
 * (mine = complaints assigned to me). Sorted by id only (the primary key): newest first is the
 * order a desk works in, and no other index backs an order at scale.
 */
export const complaintsDataset: DatasetDef = {
  from: 'complaints c',
  searchCustomerId: 'c.customer_id',
  owner: 'c.assignee_id',
  // 售后 / 客服's complaints received in a period, open and closed ('cmp@…', 'cmpo@…', 'cmpc@…').
  presets: aftersalesPresets('complaints'),
  defaultSort: [{ col: 'id', dir: 'desc' }],
  columns: [
    { id: 'id', type: 'number', ...COMPLAINT_COLUMNS.pair('id'), expr: 'c.id', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 80 },
    { id: 'customerId', type: 'number', ...COMPLAINT_COLUMNS.pair('customerId'), expr: 'c.customer_id', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 90 },
    { id: 'customerName', type: 'text', ...COMPLAINT_COLUMNS.pair('customerName'), related: 'customers', expr: '(select cu.name from customers cu where cu.id = c.customer_id)', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 120 },
    { id: 'plate', type: 'text', ...COMPLAINT_COLUMNS.pair('plate'), related: 'vehicles', expr: '(select v.plate from vehicles v where v.id = c.vehicle_id)', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 100 },
    { id: 'source', type: 'enum', ...COMPLAINT_COLUMNS.pair('source'), expr: 'c.source', dict: 'complaint_source', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 90 },
    { id: 'category', type: 'enum', ...COMPLAINT_COLUMNS.pair('category'), expr: 'c.category', dict: 'complaint_category', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 100 },
    { id: 'status', type: 'enum', ...COMPLAINT_COLUMNS.pair('status'), expr: 'c.status', enumValues: COMPLAINT_STATUSES, nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 90 },
    { id: 'description', type: 'text', ...COMPLAINT_COLUMNS.pair('description'), expr: 'c.description', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 240 },
    userNameColumn({ id: 'assigneeName', ...COMPLAINT_COLUMNS.pair('assigneeName'), userIdExpr: 'c.assignee_id', defaultVisible: true }),
    { id: 'result', type: 'text', ...COMPLAINT_COLUMNS.pair('result'), expr: 'c.result', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 200 },
    { id: 'createdAt', type: 'datetime', ...COMPLAINT_COLUMNS.pair('createdAt'), expr: 'c.created_at', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 150 },
    { id: 'closedAt', type: 'datetime', ...COMPLAINT_COLUMNS.pair('closedAt'), expr: 'c.closed_at', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 150 },
  ],
};
