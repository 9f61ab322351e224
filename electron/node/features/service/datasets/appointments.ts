import type { DatasetDef } from '../../grid/datasets/types';
import { userNameColumn } from '../../grid/datasets';

/**
 * 预约: every service appointment with customer, vehicle, slot and advisor. The owner is the
 * advisor (mine = my appointments). Sorted by id only (the primary key backs it at scale).
 */
export const appointmentsDataset: DatasetDef = {
  from: 'appointments c',
  searchCustomerId: 'c.customer_id',
  owner: 'c.advisor_id',
  defaultSort: [{ col: 'id', dir: 'desc' }],
  columns: [
    { id: 'id', type: 'number', zh: '编号', en: 'No.', expr: 'c.id', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 80 },
    { id: 'date', type: 'date', zh: '预约日期', en: 'Date', expr: 'c.date', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 100 },
    { id: 'slot', type: 'text', zh: '时段', en: 'Slot', expr: 'c.slot', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 70 },
    { id: 'customerName', type: 'text', zh: '客户', en: 'Customer', related: 'customers', expr: '(select cu.name from customers cu where cu.id = c.customer_id)', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 110 },
    { id: 'plate', type: 'text', zh: '车牌', en: 'Plate', related: 'vehicles', expr: '(select v.plate from vehicles v where v.id = c.vehicle_id)', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 100 },
    {
      id: 'status',
      type: 'enum',
      zh: '状态',
      en: 'Status',
      expr: 'c.status',
      enumValues: [
        { value: 'booked', zh: '已预约', en: 'Booked' },
        { value: 'arrived', zh: '已到店', en: 'Arrived' },
        { value: 'no_show', zh: '未到店', en: 'No-show' },
        { value: 'cancelled', zh: '已取消', en: 'Cancelled' },
      ],
      nullable: false,
      sortable: false,
      filterable: true,
      groupable: true,
      defaultVisible: true,
      width: 80,
    },
    { id: 'proactive', type: 'boolean', zh: '主动预约', en: 'Proactive', expr: 'c.proactive', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 80 },
    userNameColumn({ id: 'advisorName', zh: '服务顾问', en: 'Advisor', userIdExpr: 'c.advisor_id', defaultVisible: true }),
    { id: 'notes', type: 'text', zh: '备注', en: 'Notes', expr: 'c.notes', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 160 },
    { id: 'createdAt', type: 'datetime', zh: '登记时间', en: 'Booked at', expr: 'c.created_at', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 150 },
  ],
};
