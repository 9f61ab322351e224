import { STAGES } from '../../../../common/stages';
import { type DatasetDef, userNameColumn } from '../../grid';
import { primaryPhoneExpr } from '../../customers';
import { OPPORTUNITY_COLUMNS, OPPORTUNITY_STATUS } from './texts';
import { enumOptions } from '../../../../common/i18n/enum-options';
import { salesOpportunityColumns, salesOpportunityPresets } from '../../analysis';

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
    { id: 'id', type: 'number', ...OPPORTUNITY_COLUMNS.pair('id'), expr: 'c.id', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: false, width: 80 },
    { id: 'customerId', type: 'number', ...OPPORTUNITY_COLUMNS.pair('customerId'), expr: 'c.customer_id', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 90 },
    { id: 'customerName', type: 'text', ...OPPORTUNITY_COLUMNS.pair('customerName'), expr: '(select cu.name from customers cu where cu.id = c.customer_id)', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 120 },
    {
      id: 'phone', type: 'text', ...OPPORTUNITY_COLUMNS.pair('phone'), phone: true, related: 'customer_phones',
      expr: primaryPhoneExpr('c.customer_id'),
      nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 130,
    },
    userNameColumn({ id: 'consultantName', ...OPPORTUNITY_COLUMNS.pair('consultantName'), userIdExpr: 'c.consultant_id', defaultVisible: true, width: 110 }),
    { id: 'source', type: 'enum', ...OPPORTUNITY_COLUMNS.pair('source'), expr: 'c.source', dict: 'source', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 90 },
    {
      id: 'stage', type: 'enum', ...OPPORTUNITY_COLUMNS.pair('stage'), expr: 'c.stage', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 130,
      enumValues: STAGES.map((s) => ({ value: s.code, zh: `${s.zh} ${s.probability}%`, en: `${s.en} ${s.probability}%` })),
    },
    { id: 'probability', type: 'number', ...OPPORTUNITY_COLUMNS.pair('probability'), expr: stageExpr, nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 100 },
    {
      id: 'status', type: 'enum', ...OPPORTUNITY_COLUMNS.pair('status'), expr: 'c.status', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 90,
      enumValues: enumOptions(OPPORTUNITY_STATUS),
    },
    { id: 'model', type: 'enum', ...OPPORTUNITY_COLUMNS.pair('model'), expr: 'c.model', dict: 'model', nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 100 },
    { id: 'price', type: 'number', ...OPPORTUNITY_COLUMNS.pair('price'), expr: 'c.price', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 100 },
    { id: 'expectedPurchaseDate', type: 'date', ...OPPORTUNITY_COLUMNS.pair('expectedPurchaseDate'), expr: 'c.expected_purchase_date', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 120 },
    { id: 'abandonReason', type: 'enum', ...OPPORTUNITY_COLUMNS.pair('abandonReason'), expr: 'c.abandon_reason', dict: 'abandon_reason', nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: false, width: 110 },
    { id: 'competitorBrand', type: 'enum', ...OPPORTUNITY_COLUMNS.pair('competitorBrand'), expr: 'c.competitor_brand', dict: 'brand', nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: false, width: 100 },
    { id: 'lastStageChangeAt', type: 'datetime', ...OPPORTUNITY_COLUMNS.pair('lastStageChangeAt'), expr: 'c.last_stage_change_at', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 150 },
    { id: 'createdAt', type: 'datetime', ...OPPORTUNITY_COLUMNS.pair('createdAt'), expr: 'c.created_at', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 150 },
    ...salesOpportunityColumns,
  ],
  // 销售分析's deals figure lists the opportunities delivered in its period ('deals:<from>~<to>').
  presets: salesOpportunityPresets,
};
