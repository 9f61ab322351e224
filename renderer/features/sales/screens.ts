import { defineScreens, lazyScreen } from '../../shell/screen-kit';
import { SALES_ROLES } from '../../../electron/common/roles';

/** The screens this feature adds to the menu: place, title, description, component (loaded when first opened), who sees it. */
export const salesScreens = defineScreens({
  'sales.showroomTraffic': {
    order: 10,
    title: { zh: '展厅流量登记', en: 'Showroom traffic' },
    description: {
      zh: '登记每位来店客户(姓名、电话、来店模式、是否首次来店、试乘试驾、意向车型),按车型登记未留档客户批次,自动统计集客量和留档率。',
      en: 'Record every showroom visitor (name, phone, visit mode, first visit, test drive, model of interest) and batches of unregistered walk-ins per model; showroom traffic and registration rate are counted automatically.',
    },
    component: lazyScreen(() => import('./showroom/ShowroomTrafficScreen'), 'ShowroomTrafficScreen'),
  },
  'sales.prospects': {
    order: 20,
    title: { zh: '潜在客户', en: 'Prospects' },
    description: {
      zh: '管理有购车意向的潜在客户和销售机会:流程状态(初次接触 5% → 递交新车 100%)、客户来源、购车意向和流程历史。',
      en: 'Prospects with purchase intent and their opportunities: stage (first contact 5% → delivery 100%), source, purchase intents and stage history.',
    },
    component: lazyScreen(() => import('./opportunities/ProspectsScreen'), 'ProspectsScreen'),
  },
  'sales.followUpPlans': {
    order: 30,
    title: { zh: '跟踪计划', en: 'Follow-up plans' },
    description: {
      zh: '为每个未结束的销售机会安排下一次跟踪活动并记录结果,销售经理可以批阅。',
      en: 'Plan the next follow-up activity for every open opportunity and record its result; managers can comment.',
    },
    component: lazyScreen(() => import('./activities/FollowUpPlansScreen'), 'FollowUpPlansScreen'),
  },
  'sales.funnel': {
    order: 50,
    title: { zh: '销售漏斗', en: 'Sales funnel' },
    description: {
      zh: '按流程状态统计销售机会的数量、权重和预测金额,可按顾问和车型查看。',
      en: 'Opportunities per stage with weight and forecast amount, by consultant and model.',
    },
    component: lazyScreen(() => import('./analysis/FunnelScreen'), 'FunnelScreen'),
  },
  'sales.birthdays': {
    order: 60,
    title: { zh: '生日提醒', en: 'Birthdays' },
    description: {
      zh: '列出近期过生日的客户,便于发送祝福短信或致电问候。',
      en: 'Customers with a birthday soon, to send greetings by SMS or call them.',
    },
    component: lazyScreen(() => import('./analysis/BirthdaysScreen'), 'BirthdaysScreen'),
  },
  'analysis.funnel': {
    order: 20,
    title: { zh: '漏斗分析', en: 'Funnel analysis' },
    description: {
      zh: '按时间、顾问和车型分析销售漏斗各阶段的转化和成交预测。',
      en: 'Conversion and forecast of the sales funnel by period, consultant and model.',
    },
    component: lazyScreen(() => import('./analysis/FunnelScreen'), 'FunnelAnalysisScreen'),
    roles: SALES_ROLES,
  },
  'analysis.salesReview': {
    order: 30,
    title: { zh: '机会检查', en: 'Opportunity review' },
    description: {
      zh: '停滞的销售机会、没有下次计划的机会和没有跟踪计划的客户,便于经理督促跟进。',
      en: 'Stalled opportunities, opportunities without a next activity and customers without a plan, for managers to follow up.',
    },
    component: lazyScreen(() => import('./analysis/SalesReviewScreen'), 'SalesReviewScreen'),
    permission: 'customers.reassign',
  },
});
