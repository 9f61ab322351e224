import { STAGES } from '../../../../common/stages';
import type { DatasetDef } from './types';

/**
 * The sales manager's review lists on the grid (机会检查): opportunities with the facts a review
 * filters on — whether a planned activity exists (无下次计划), the next planned time, and the last
 * stage change (停滞: on or before the day 'sales.stalledDays' ago). The screen pins status = open
 * and the list's rule with the grid's baseFilter. Owner = the opportunity's consultant.
 * Sortable only on id and created (indexes); the activity columns are correlated lookups on
 * activities_opp_idx (opportunity_id, status).
 */
export const opportunitiesReviewDataset: DatasetDef = {
  from: 'opportunities c',
  searchCustomerId: 'c.customer_id',
  owner: 'c.consultant_id',
  defaultSort: [{ col: 'createdAt', dir: 'asc' }],
  columns: [
    { id: 'id', type: 'number', zh: '机会编号', en: 'Opportunity', expr: 'c.id', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: false, width: 90 },
    { id: 'customerId', type: 'number', zh: '客户编号', en: 'Customer ID', expr: 'c.customer_id', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 90 },
    { id: 'customerName', type: 'text', zh: '客户姓名', en: 'Customer', expr: '(select cu.name from customers cu where cu.id = c.customer_id)', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 120 },
    {
      id: 'phone', type: 'text', zh: '电话', en: 'Phone', phone: true, related: 'customer_phones',
      expr: '(select p.normalized from customer_phones p where p.customer_id = c.customer_id order by p.is_primary desc, p.id limit 1)',
      nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 130,
    },
    {
      id: 'consultantName', type: 'text', zh: '销售顾问', en: 'Consultant', expr: '(select u.display_name from users u where u.id = c.consultant_id)',
      groupKey: { expr: 'c.consultant_id', label: '(select u.display_name from users u where u.id = g.k)' },
      nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 110,
    },
    {
      id: 'stage', type: 'enum', zh: '流程状态', en: 'Stage', expr: 'c.stage', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 130,
      enumValues: STAGES.map((s) => ({ value: s.code, zh: `${s.zh} ${s.probability}%`, en: `${s.en} ${s.probability}%` })),
    },
    {
      id: 'status', type: 'enum', zh: '状态', en: 'Status', expr: 'c.status', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: false, width: 90,
      enumValues: [
        { value: 'open', zh: '跟进中', en: 'Open' },
        { value: 'won', zh: '已成交', en: 'Won' },
        { value: 'abandoned', zh: '已放弃', en: 'Abandoned' },
      ],
    },
    { id: 'model', type: 'enum', zh: '意向车型', en: 'Model', expr: 'c.model', dict: 'model', nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 100 },
    { id: 'price', type: 'number', zh: '价格', en: 'Price', expr: 'c.price', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 100 },
    { id: 'expectedPurchaseDate', type: 'date', zh: '预计购车日期', en: 'Expected purchase', expr: 'c.expected_purchase_date', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 120 },
    { id: 'lastStageChangeAt', type: 'datetime', zh: '最近状态变更', en: 'Last stage change', expr: 'c.last_stage_change_at', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 150 },
    {
      id: 'hasPlan', type: 'boolean', zh: '有下次计划', en: 'Next activity planned', related: 'activities',
      expr: "exists (select 1 from activities a where a.opportunity_id = c.id and a.status = 'planned')",
      nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 100,
    },
    {
      id: 'nextActivityAt', type: 'datetime', zh: '下次计划时间', en: 'Next activity', related: 'activities',
      expr: "(select min(a.planned_at) from activities a where a.opportunity_id = c.id and a.status = 'planned')",
      nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 150,
    },
    { id: 'createdAt', type: 'datetime', zh: '创建时间', en: 'Created', expr: 'c.created_at', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 150 },
  ],
};
