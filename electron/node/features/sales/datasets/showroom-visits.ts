import { VISIT_MODES } from '../../../../common/api/showroom';
import type { DatasetDef } from '../../grid/datasets/types';
import { userNameColumn } from '../../grid/datasets';

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
  columns: [
    { id: 'id', type: 'number', zh: '编号', en: 'ID', expr: 'c.id', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: false, width: 80 },
    { id: 'visitDate', type: 'date', zh: '来店日期', en: 'Visit date', expr: 'c.visit_date', nullable: false, sortable: true, filterable: true, groupable: true, defaultVisible: true, width: 110 },
    { id: 'name', type: 'text', zh: '客户姓名', en: 'Name', expr: 'c.name', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 110 },
    {
      id: 'gender', type: 'enum', zh: '性别', en: 'Gender', expr: 'c.gender', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 70,
      enumValues: [
        { value: 'male', zh: '男', en: 'Male' },
        { value: 'female', zh: '女', en: 'Female' },
        { value: 'other', zh: '其它', en: 'Other' },
      ],
    },
    { id: 'phone', type: 'text', zh: '电话', en: 'Phone', phone: true, expr: 'c.phone', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 130 },
    userNameColumn({ id: 'consultantName', zh: '销售顾问', en: 'Consultant', userIdExpr: 'c.consultant_id', defaultVisible: true, width: 110 }),
    { id: 'firstVisit', type: 'boolean', zh: '首次来店', en: 'First visit', expr: 'c.first_visit', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 90 },
    {
      id: 'visitMode', type: 'enum', zh: '模式', en: 'Mode', expr: 'cast(c.visit_mode as text)', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 170,
      enumValues: VISIT_MODES.map((m) => ({ value: String(m.mode), zh: `${m.mode} ${m.zh}`, en: `${m.mode} ${m.en}` })),
    },
    { id: 'testDrive', type: 'boolean', zh: '试乘试驾', en: 'Test drive', expr: 'c.test_drive', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 90 },
    { id: 'testDriveModel', type: 'enum', zh: '试驾车型', en: 'Test-drive model', dict: 'model', expr: 'c.test_drive_model', nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: false },
    { id: 'ordered', type: 'boolean', zh: '订车', en: 'Ordered', expr: 'c.ordered', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 70 },
    { id: 'delivered', type: 'boolean', zh: '交车', en: 'Delivered', expr: 'c.delivered', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 70 },
    { id: 'interestedModel', type: 'enum', zh: '意向车型', en: 'Interested model', dict: 'model', expr: 'c.interested_model', nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: true },
    { id: 'competitorBrand', type: 'enum', zh: '竞品品牌', en: 'Competitor brand', dict: 'brand', expr: 'c.competitor_brand', nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: true },
    { id: 'expectedPurchaseDate', type: 'date', zh: '预计购车日期', en: 'Expected purchase', expr: 'c.expected_purchase_date', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 110 },
    { id: 'visitAt', type: 'datetime', zh: '来店时间', en: 'Visit time', expr: 'c.visit_at', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 150 },
    { id: 'createdAt', type: 'datetime', zh: '录入时间', en: 'Entered', expr: 'c.created_at', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 150 },
    { id: 'late', type: 'boolean', zh: '超24小时录入', en: 'Late (> 24 h)', expr: 'c.late', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 100 },
  ],
};
