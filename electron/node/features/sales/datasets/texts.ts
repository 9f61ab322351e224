import { defineTexts } from '../../../../common/i18n/texts';

/**
 * The sales data sets' column labels (展厅流量, 潜在客户, 机会检查, 跟踪计划), zh-CN first: the grid sends both languages to the renderer
 * (`.pair(id)`), so each table is read once, when its data set is defined at load.
 */

/** showroom-visits.ts */
export const SHOWROOM_VISIT_COLUMNS = defineTexts({
  id: { 'zh-CN': '编号', en: 'ID' },
  visitDate: { 'zh-CN': '来店日期', en: 'Visit date' },
  name: { 'zh-CN': '客户姓名', en: 'Name' },
  gender: { 'zh-CN': '性别', en: 'Gender' },
  phone: { 'zh-CN': '电话', en: 'Phone' },
  consultantName: { 'zh-CN': '销售顾问', en: 'Consultant' },
  firstVisit: { 'zh-CN': '首次来店', en: 'First visit' },
  visitMode: { 'zh-CN': '模式', en: 'Mode' },
  testDrive: { 'zh-CN': '试乘试驾', en: 'Test drive' },
  testDriveModel: { 'zh-CN': '试驾车型', en: 'Test-drive model' },
  ordered: { 'zh-CN': '订车', en: 'Ordered' },
  delivered: { 'zh-CN': '交车', en: 'Delivered' },
  interestedModel: { 'zh-CN': '意向车型', en: 'Interested model' },
  competitorBrand: { 'zh-CN': '竞品品牌', en: 'Competitor brand' },
  expectedPurchaseDate: { 'zh-CN': '预计购车日期', en: 'Expected purchase' },
  visitAt: { 'zh-CN': '来店时间', en: 'Visit time' },
  createdAt: { 'zh-CN': '录入时间', en: 'Entered' },
  late: { 'zh-CN': '超24小时录入', en: 'Late (> 24 h)' },
});

/** opportunities.ts */
export const OPPORTUNITY_COLUMNS = defineTexts({
  id: { 'zh-CN': '编号', en: 'ID' },
  customerId: { 'zh-CN': '客户编号', en: 'Customer ID' },
  customerName: { 'zh-CN': '客户姓名', en: 'Customer' },
  phone: { 'zh-CN': '电话', en: 'Phone' },
  consultantName: { 'zh-CN': '销售顾问', en: 'Consultant' },
  source: { 'zh-CN': '客户来源', en: 'Source' },
  stage: { 'zh-CN': '流程状态', en: 'Stage' },
  probability: { 'zh-CN': '成交概率(%)', en: 'Probability (%)' },
  status: { 'zh-CN': '状态', en: 'Status' },
  model: { 'zh-CN': '意向车型', en: 'Model' },
  price: { 'zh-CN': '价格', en: 'Price' },
  expectedPurchaseDate: { 'zh-CN': '预计购车日期', en: 'Expected purchase' },
  abandonReason: { 'zh-CN': '放弃原因', en: 'Abandon reason' },
  competitorBrand: { 'zh-CN': '竞品品牌', en: 'Competitor' },
  lastStageChangeAt: { 'zh-CN': '最近状态变更', en: 'Last stage change' },
  createdAt: { 'zh-CN': '创建时间', en: 'Created' },
});

/** opportunities-review.ts */
export const OPPORTUNITY_REVIEW_COLUMNS = defineTexts({
  hasPlan: { 'zh-CN': '有下次计划', en: 'Next activity planned' },
  nextActivityAt: { 'zh-CN': '下次计划时间', en: 'Next activity' },
});

/** activities.ts */
export const ACTIVITY_COLUMNS = defineTexts({
  id: { 'zh-CN': '编号', en: 'ID' },
  customerId: { 'zh-CN': '客户编号', en: 'Customer ID' },
  customerName: { 'zh-CN': '客户', en: 'Customer' },
  stage: { 'zh-CN': '流程状态', en: 'Stage' },
  ownerName: { 'zh-CN': '负责顾问', en: 'Owner' },
  type: { 'zh-CN': '方式', en: 'Type' },
  status: { 'zh-CN': '状态', en: 'Status' },
  plannedAt: { 'zh-CN': '计划时间', en: 'Planned at' },
  doneAt: { 'zh-CN': '完成时间', en: 'Done at' },
  subject: { 'zh-CN': '主题', en: 'Subject' },
  result: { 'zh-CN': '结果', en: 'Result' },
  nextStep: { 'zh-CN': '下一步', en: 'Next step' },
  overdue: { 'zh-CN': '逾期', en: 'Overdue' },
  commentCount: { 'zh-CN': '批阅', en: 'Comments' },
});

/** An opportunity's state (opportunities.status). */
export const OPPORTUNITY_STATUS = defineTexts({
  open: { 'zh-CN': '跟进中', en: 'Open' },
  won: { 'zh-CN': '已成交', en: 'Won' },
  abandoned: { 'zh-CN': '已放弃', en: 'Abandoned' },
});
