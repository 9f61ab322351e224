import { type DatasetDef, userNameColumn } from '../../grid';
import { APPOINTMENT_COLUMNS, APPOINTMENT_STATUS } from './texts';
import { enumOptions } from '../../../../common/i18n/enum-options';

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
    { id: 'id', type: 'number', ...APPOINTMENT_COLUMNS.pair('id'), expr: 'c.id', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 80 },
    { id: 'date', type: 'date', ...APPOINTMENT_COLUMNS.pair('date'), expr: 'c.date', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 100 },
    { id: 'slot', type: 'text', ...APPOINTMENT_COLUMNS.pair('slot'), expr: 'c.slot', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 70 },
    { id: 'customerName', type: 'text', ...APPOINTMENT_COLUMNS.pair('customerName'), related: 'customers', expr: '(select cu.name from customers cu where cu.id = c.customer_id)', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 110 },
    { id: 'plate', type: 'text', ...APPOINTMENT_COLUMNS.pair('plate'), related: 'vehicles', expr: '(select v.plate from vehicles v where v.id = c.vehicle_id)', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 100 },
    {
      id: 'status',
      type: 'enum',
      ...APPOINTMENT_COLUMNS.pair('status'),
      expr: 'c.status',
      enumValues: enumOptions(APPOINTMENT_STATUS),
      nullable: false,
      sortable: false,
      filterable: true,
      groupable: true,
      defaultVisible: true,
      width: 80,
    },
    { id: 'proactive', type: 'boolean', ...APPOINTMENT_COLUMNS.pair('proactive'), expr: 'c.proactive', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 80 },
    userNameColumn({ id: 'advisorName', ...APPOINTMENT_COLUMNS.pair('advisorName'), userIdExpr: 'c.advisor_id', defaultVisible: true }),
    { id: 'notes', type: 'text', ...APPOINTMENT_COLUMNS.pair('notes'), expr: 'c.notes', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 160 },
    { id: 'createdAt', type: 'datetime', ...APPOINTMENT_COLUMNS.pair('createdAt'), expr: 'c.created_at', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 150 },
  ],
};
