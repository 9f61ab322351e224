import type { DatasetDef } from '../../grid/datasets/types';
import { primaryPhoneExpr } from '../../customers/primary-phone';

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
    { id: 'id', type: 'number', zh: '编号', en: 'No.', expr: 'c.id', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: false, width: 80 },
    { id: 'surveyDate', type: 'date', zh: '调查日期', en: 'Survey date', expr: 'c.survey_date', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 100 },
    {
      id: 'kind',
      type: 'enum',
      zh: '调查类型',
      en: 'Survey',
      expr: 'c.kind',
      enumValues: [
        { value: 'csi', zh: 'CSI 销售', en: 'CSI (sales)' },
        { value: 'ssi', zh: 'SSI 售后', en: 'SSI (service)' },
      ],
      nullable: false,
      sortable: false,
      filterable: true,
      groupable: true,
      defaultVisible: true,
      width: 110,
    },
    { id: 'customerName', type: 'text', zh: '客户姓名', en: 'Customer', related: 'customers', expr: '(select cu.name from customers cu where cu.id = c.customer_id)', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 110 },
    { id: 'phone', type: 'text', zh: '联系电话', en: 'Phone', phone: true, related: 'customers', expr: primaryPhoneExpr('c.customer_id'), masked: true, nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 130 },
    { id: 'plate', type: 'text', zh: '车牌', en: 'Plate', related: 'vehicles', expr: '(select v.plate from vehicles v where v.id = c.vehicle_id)', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 100 },
    { id: 'score', type: 'number', zh: '分数', en: 'Score', expr: 'c.score', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 70 },
    { id: 'dissatisfied', type: 'boolean', zh: '不满意', en: 'Dissatisfied', expr: 'c.dissatisfied', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 90 },
    { id: 'comment', type: 'text', zh: '客户意见', en: 'Comment', expr: 'c.comment', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 240 },
    {
      id: 'followUp',
      type: 'enum',
      zh: '低分跟进',
      en: 'Follow-up',
      expr: "(select case when t.status in ('open', 'in_progress') then 'open' else 'closed' end from tasks t where t.customer_id = c.customer_id and t.kind = 'low_score' and t.ref_type = 'survey' and t.ref_id = c.id order by t.id desc limit 1)",
      enumValues: [
        { value: 'open', zh: '跟进中', en: 'Open' },
        { value: 'closed', zh: '已关闭', en: 'Closed' },
      ],
      nullable: true,
      sortable: false,
      filterable: true,
      groupable: false,
      defaultVisible: true,
      width: 110,
    },
    { id: 'source', type: 'text', zh: '来源文件', en: 'Source file', expr: 'c.source', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 180 },
    { id: 'createdAt', type: 'datetime', zh: '导入时间', en: 'Imported', expr: 'c.created_at', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 150 },
  ],
};
