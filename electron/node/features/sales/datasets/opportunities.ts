import { STAGES } from '../../../../common/stages';
import type { DatasetDef } from '../../grid/datasets/types';
import { primaryPhoneExpr } from '../../customers/primary-phone';
import { userNameColumn } from '../../grid/datasets';

const stageExpr = `case c.stage ${STAGES.map((s) => `when '${s.code}' then ${s.probability}`).join(' ')} end`;

/**
 * 潜在客户 / 销售机会: one row per opportunity with its customer, consultant, stage (and the stage's
 * win probability), status and the purchase plan. The owner is the opportunity's consultant, so a
 * consultant sees their own, a manager their teams'. Sortable only where an index backs the order
 * at scale: id and created (opps_created_idx). Stage, status and consultant group on small keys
 * (opps_consultant_idx, opps_status_stage_idx).
 */
export const opportunitiesDataset: DatasetDef = {
  from: 'opportunities c',
  searchCustomerId: 'c.customer_id',
  owner: 'c.consultant_id',
  defaultSort: [{ col: 'createdAt', dir: 'desc' }],
  columns: [
    { id: 'id', type: 'number', zh: '编号', en: 'ID', expr: 'c.id', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: false, width: 80 },
    { id: 'customerId', type: 'number', zh: '客户编号', en: 'Customer ID', expr: 'c.customer_id', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 90 },
    { id: 'customerName', type: 'text', zh: '客户姓名', en: 'Customer', expr: '(select cu.name from customers cu where cu.id = c.customer_id)', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 120 },
    {
      id: 'phone', type: 'text', zh: '电话', en: 'Phone', phone: true, related: 'customer_phones',
      expr: primaryPhoneExpr('c.customer_id'),
      nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 130,
    },
    userNameColumn({ id: 'consultantName', zh: '销售顾问', en: 'Consultant', userIdExpr: 'c.consultant_id', defaultVisible: true, width: 110 }),
    { id: 'source', type: 'enum', zh: '客户来源', en: 'Source', expr: 'c.source', dict: 'source', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 90 },
    {
      id: 'stage', type: 'enum', zh: '流程状态', en: 'Stage', expr: 'c.stage', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 130,
      enumValues: STAGES.map((s) => ({ value: s.code, zh: `${s.zh} ${s.probability}%`, en: `${s.en} ${s.probability}%` })),
    },
    { id: 'probability', type: 'number', zh: '成交概率(%)', en: 'Probability (%)', expr: stageExpr, nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 100 },
    {
      id: 'status', type: 'enum', zh: '状态', en: 'Status', expr: 'c.status', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 90,
      enumValues: [
        { value: 'open', zh: '跟进中', en: 'Open' },
        { value: 'won', zh: '已成交', en: 'Won' },
        { value: 'abandoned', zh: '已放弃', en: 'Abandoned' },
      ],
    },
    { id: 'model', type: 'enum', zh: '意向车型', en: 'Model', expr: 'c.model', dict: 'model', nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 100 },
    { id: 'price', type: 'number', zh: '价格', en: 'Price', expr: 'c.price', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 100 },
    { id: 'expectedPurchaseDate', type: 'date', zh: '预计购车日期', en: 'Expected purchase', expr: 'c.expected_purchase_date', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 120 },
    { id: 'abandonReason', type: 'enum', zh: '放弃原因', en: 'Abandon reason', expr: 'c.abandon_reason', dict: 'abandon_reason', nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: false, width: 110 },
    { id: 'competitorBrand', type: 'enum', zh: '竞品品牌', en: 'Competitor', expr: 'c.competitor_brand', dict: 'brand', nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: false, width: 100 },
    { id: 'lastStageChangeAt', type: 'datetime', zh: '最近状态变更', en: 'Last stage change', expr: 'c.last_stage_change_at', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 150 },
    { id: 'createdAt', type: 'datetime', zh: '创建时间', en: 'Created', expr: 'c.created_at', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 150 },
  ],
};
