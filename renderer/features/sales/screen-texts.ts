import { defineTexts } from '../../../electron/common/i18n/texts';

/** The menu entries of this feature's screens (zh-CN first): title and description per screen id, read with .pair() in screens.ts. */
export const SALES_SCREEN_TEXTS = defineTexts({
  'sales.showroomTraffic.title': { 'zh-CN': '展厅流量登记', en: 'Showroom traffic' },
  'sales.showroomTraffic.description': { 'zh-CN': '登记每位来店客户(姓名、电话、来店模式、是否首次来店、试乘试驾、意向车型),按车型登记未留档客户批次,自动统计集客量和留档率。', en: 'Record every showroom visitor (name, phone, visit mode, first visit, test drive, model of interest) and batches of unregistered walk-ins per model; showroom traffic and registration rate are counted automatically.' },
  'sales.prospects.title': { 'zh-CN': '潜在客户', en: 'Prospects' },
  'sales.prospects.description': { 'zh-CN': '管理有购车意向的潜在客户和销售机会:流程状态(初次接触 5% → 递交新车 100%)、客户来源、购车意向和流程历史。', en: 'Prospects with purchase intent and their opportunities: stage (first contact 5% → delivery 100%), source, purchase intents and stage history.' },
  'sales.followUpPlans.title': { 'zh-CN': '跟踪计划', en: 'Follow-up plans' },
  'sales.followUpPlans.description': { 'zh-CN': '为每个未结束的销售机会安排下一次跟踪活动并记录结果,销售经理可以批阅。', en: 'Plan the next follow-up activity for every open opportunity and record its result; managers can comment.' },
  'sales.funnel.title': { 'zh-CN': '销售漏斗', en: 'Sales funnel' },
  'sales.funnel.description': { 'zh-CN': '按流程状态统计销售机会的数量、权重和预测金额,可按顾问和车型查看。', en: 'Opportunities per stage with weight and forecast amount, by consultant and model.' },
  'sales.birthdays.title': { 'zh-CN': '生日提醒', en: 'Birthdays' },
  'sales.birthdays.description': { 'zh-CN': '列出近期过生日的客户,便于发送祝福短信或致电问候。', en: 'Customers with a birthday soon, to send greetings by SMS or call them.' },
  'analysis.funnel.title': { 'zh-CN': '漏斗分析', en: 'Funnel analysis' },
  'analysis.funnel.description': { 'zh-CN': '按时间、顾问和车型分析销售漏斗各阶段的转化和成交预测。', en: 'Conversion and forecast of the sales funnel by period, consultant and model.' },
  'analysis.salesReview.title': { 'zh-CN': '机会检查', en: 'Opportunity review' },
  'analysis.salesReview.description': { 'zh-CN': '停滞的销售机会、没有下次计划的机会和没有跟踪计划的客户,便于经理督促跟进。', en: 'Stalled opportunities, opportunities without a next activity and customers without a plan, for managers to follow up.' },
});
