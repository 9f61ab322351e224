import type { DatasetDef } from '../../grid';
import { primaryPhoneExpr } from '../../customers';
import { SURVEY_COLUMNS, SURVEY_FOLLOW_UP, SURVEY_KIND } from './texts';
import { enumOptions } from '../../../../common/i18n/enum-options';

/**
 * 满意度调查结果 (CSI / SSI from the manufacturer): one row per imported survey with its customer,
 * vehicle, score and comment, and whether it opened a 低分跟进. The owner is the user who imported
 * it (the CS manager's list is 全部). Sorted by id or by survey date (surveys_date_idx).
 */
export const surveysDataset: DatasetDef = {
  from: 'satisfaction_surveys c',
  searchCustomerId: 'c.customer_id',
  owner: 'c.created_by',
  defaultSort: [{ col: 'id', dir: 'desc' }],
  columns: [
    { id: 'id', type: 'number', ...SURVEY_COLUMNS.pair('id'), expr: 'c.id', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: false, width: 80 },
    { id: 'surveyDate', type: 'date', ...SURVEY_COLUMNS.pair('surveyDate'), expr: 'c.survey_date', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 100 },
    {
      id: 'kind',
      type: 'enum',
      ...SURVEY_COLUMNS.pair('kind'),
      expr: 'c.kind',
      enumValues: enumOptions(SURVEY_KIND),
      nullable: false,
      sortable: false,
      filterable: true,
      groupable: true,
      defaultVisible: true,
      width: 110,
    },
    { id: 'customerName', type: 'text', ...SURVEY_COLUMNS.pair('customerName'), related: 'customers', expr: '(select cu.name from customers cu where cu.id = c.customer_id)', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 110 },
    { id: 'phone', type: 'text', ...SURVEY_COLUMNS.pair('phone'), phone: true, related: 'customers', expr: primaryPhoneExpr('c.customer_id'), masked: true, nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 130 },
    { id: 'plate', type: 'text', ...SURVEY_COLUMNS.pair('plate'), related: 'vehicles', expr: '(select v.plate from vehicles v where v.id = c.vehicle_id)', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 100 },
    { id: 'score', type: 'number', ...SURVEY_COLUMNS.pair('score'), expr: 'c.score', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 70 },
    { id: 'dissatisfied', type: 'boolean', ...SURVEY_COLUMNS.pair('dissatisfied'), expr: 'c.dissatisfied', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 90 },
    { id: 'comment', type: 'text', ...SURVEY_COLUMNS.pair('comment'), expr: 'c.comment', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 240 },
    {
      id: 'followUp',
      type: 'enum',
      ...SURVEY_COLUMNS.pair('followUp'),
      expr: "(select case when t.status in ('open', 'in_progress') then 'open' else 'closed' end from tasks t where t.customer_id = c.customer_id and t.kind = 'low_score' and t.ref_type = 'survey' and t.ref_id = c.id order by t.id desc limit 1)",
      enumValues: enumOptions(SURVEY_FOLLOW_UP),
      nullable: true,
      sortable: false,
      filterable: true,
      groupable: false,
      defaultVisible: true,
      width: 110,
    },
    { id: 'source', type: 'text', ...SURVEY_COLUMNS.pair('source'), expr: 'c.source', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 180 },
    { id: 'createdAt', type: 'datetime', ...SURVEY_COLUMNS.pair('createdAt'), expr: 'c.created_at', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 150 },
  ],
};
