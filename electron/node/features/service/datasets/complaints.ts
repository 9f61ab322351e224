import { COMPLAINT_STATUSES } from '../../../../common/api/complaints';
import type { DatasetDef } from '../../grid/datasets/types';
import { userNameColumn } from '../../grid/datasets';

/**
 * 投诉建议: every complaint with its customer, vehicle and assignee. The owner is the assignee
 * (mine = complaints assigned to me). Sorted by id only (the primary key): newest first is the
 * order a desk works in, and no other index backs an order at scale.
 */
export const complaintsDataset: DatasetDef = {
  from: 'complaints c',
  searchCustomerId: 'c.customer_id',
  owner: 'c.assignee_id',
  defaultSort: [{ col: 'id', dir: 'desc' }],
  columns: [
    { id: 'id', type: 'number', zh: '编号', en: 'No.', expr: 'c.id', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 80 },
    { id: 'customerId', type: 'number', zh: '客户编号', en: 'Customer ID', expr: 'c.customer_id', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 90 },
    { id: 'customerName', type: 'text', zh: '客户', en: 'Customer', related: 'customers', expr: '(select cu.name from customers cu where cu.id = c.customer_id)', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 120 },
    { id: 'plate', type: 'text', zh: '车牌', en: 'Plate', related: 'vehicles', expr: '(select v.plate from vehicles v where v.id = c.vehicle_id)', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 100 },
    { id: 'source', type: 'enum', zh: '来源', en: 'Source', expr: 'c.source', dict: 'complaint_source', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 90 },
    { id: 'category', type: 'enum', zh: '类别', en: 'Category', expr: 'c.category', dict: 'complaint_category', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 100 },
    { id: 'status', type: 'enum', zh: '状态', en: 'Status', expr: 'c.status', enumValues: COMPLAINT_STATUSES.map(({ value, zh, en }) => ({ value, zh, en })), nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 90 },
    { id: 'description', type: 'text', zh: '投诉内容', en: 'Description', expr: 'c.description', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 240 },
    userNameColumn({ id: 'assigneeName', zh: '处理人', en: 'Assignee', userIdExpr: 'c.assignee_id', defaultVisible: true }),
    { id: 'result', type: 'text', zh: '处理结果', en: 'Result', expr: 'c.result', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 200 },
    { id: 'createdAt', type: 'datetime', zh: '登记时间', en: 'Registered', expr: 'c.created_at', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 150 },
    { id: 'closedAt', type: 'datetime', zh: '结案时间', en: 'Closed', expr: 'c.closed_at', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 150 },
  ],
};
