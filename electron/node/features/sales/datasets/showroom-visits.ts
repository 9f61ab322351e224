import { VISIT_MODES } from '../../../../common/api/showroom';
import { type DatasetDef, mergePresets, userNameColumn } from '../../grid';
import { SHOWROOM_VISIT_COLUMNS } from './texts';
import { GENDER_OPTIONS } from '../../../../common/api/customers-texts';
import { trafficVisitColumns, trafficVisitPresets } from '../../analysis';
import { auditCustomerIdColumn, selfAuditPresets } from '../../self-audit';

/**
 * 展厅流量记录: one row per registered showroom visit with the audit's fields, and `late` (entered
 * more than 24 h after the visit) so a manager filters the late entries. The owner is the visit's
 * consultant. Sortable on the indexed visit date and id; the consultant groups by id (indexed with
 * the date).
 */
export const showroomVisitsDataset: DatasetDef = {
  from: 'showroom_visits c',
  searchCustomerId: 'c.customer_id',
  owner: 'c.consultant_id',
  defaultSort: [{ col: 'visitDate', dir: 'desc' }],
  // 集客分析's heat-map cells ('hour:…') and 审核自查's checks 1–3 ('audit:…'): a figure's drill-down is this list.
  presets: mergePresets(trafficVisitPresets, selfAuditPresets('showroomVisits')),
  columns: [
    { id: 'id', type: 'number', ...SHOWROOM_VISIT_COLUMNS.pair('id'), expr: 'c.id', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: false, width: 80 },
    { id: 'visitDate', type: 'date', ...SHOWROOM_VISIT_COLUMNS.pair('visitDate'), expr: 'c.visit_date', nullable: false, sortable: true, filterable: true, groupable: true, defaultVisible: true, width: 110 },
    { id: 'name', type: 'text', ...SHOWROOM_VISIT_COLUMNS.pair('name'), expr: 'c.name', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 110 },
    {
      id: 'gender', type: 'enum', ...SHOWROOM_VISIT_COLUMNS.pair('gender'), expr: 'c.gender', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 70,
      enumValues: GENDER_OPTIONS,
    },
    { id: 'phone', type: 'text', ...SHOWROOM_VISIT_COLUMNS.pair('phone'), phone: true, expr: 'c.phone', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 130 },
    userNameColumn({ id: 'consultantName', ...SHOWROOM_VISIT_COLUMNS.pair('consultantName'), userIdExpr: 'c.consultant_id', defaultVisible: true, width: 110 }),
    { id: 'firstVisit', type: 'boolean', ...SHOWROOM_VISIT_COLUMNS.pair('firstVisit'), expr: 'c.first_visit', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 90 },
    {
      id: 'visitMode', type: 'enum', ...SHOWROOM_VISIT_COLUMNS.pair('visitMode'), expr: 'cast(c.visit_mode as text)', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 170,
      enumValues: VISIT_MODES.map((m) => ({ value: String(m.mode), zh: `${m.mode} ${m.zh}`, en: `${m.mode} ${m.en}` })),
    },
    { id: 'testDrive', type: 'boolean', ...SHOWROOM_VISIT_COLUMNS.pair('testDrive'), expr: 'c.test_drive', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 90 },
    { id: 'testDriveModel', type: 'enum', ...SHOWROOM_VISIT_COLUMNS.pair('testDriveModel'), dict: 'model', expr: 'c.test_drive_model', nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: false },
    { id: 'ordered', type: 'boolean', ...SHOWROOM_VISIT_COLUMNS.pair('ordered'), expr: 'c.ordered', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 70 },
    { id: 'delivered', type: 'boolean', ...SHOWROOM_VISIT_COLUMNS.pair('delivered'), expr: 'c.delivered', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 70 },
    { id: 'interestedModel', type: 'enum', ...SHOWROOM_VISIT_COLUMNS.pair('interestedModel'), dict: 'model', expr: 'c.interested_model', nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: true },
    { id: 'competitorBrand', type: 'enum', ...SHOWROOM_VISIT_COLUMNS.pair('competitorBrand'), dict: 'brand', expr: 'c.competitor_brand', nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: true },
    { id: 'expectedPurchaseDate', type: 'date', ...SHOWROOM_VISIT_COLUMNS.pair('expectedPurchaseDate'), expr: 'c.expected_purchase_date', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 110 },
    { id: 'visitAt', type: 'datetime', ...SHOWROOM_VISIT_COLUMNS.pair('visitAt'), expr: 'c.visit_at', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 150 },
    { id: 'createdAt', type: 'datetime', ...SHOWROOM_VISIT_COLUMNS.pair('createdAt'), expr: 'c.created_at', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 150 },
    { id: 'late', type: 'boolean', ...SHOWROOM_VISIT_COLUMNS.pair('late'), expr: 'c.late', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 100 },
    // The customer's source, city and age band and the consultant's id, as 集客分析 counts them.
    ...trafficVisitColumns,
    // The visit's customer: 审核自查 opens the card from an offending visit.
    auditCustomerIdColumn('c.customer_id'),
  ],
};
