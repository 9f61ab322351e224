import { defineTexts } from '../../../electron/common/i18n/texts';

/** The menu entries of the analysis feature's screens (zh-CN first); read with .pair() in screens.ts. */
export const ANALYSIS_SCREEN_TEXTS = defineTexts({
  'traffic.title': { 'zh-CN': '集客分析', en: 'Traffic analysis' },
  'traffic.description': {
    'zh-CN': '展厅集客量(登记来访与未留档)按日、时段、客户来源、意向车型、所在城市、年龄段和首次/再次来店统计,与上期或去年同期对比;每个数字可查看明细。',
    en: 'Showroom traffic (registered visits and walk-ins) by day, hour, source, model of interest, city, age band and first / return visit, against the previous period or last year; every number opens its records.',
  },
  'sales.title': { 'zh-CN': '销售分析', en: 'Sales analysis' },
  'sales.description': {
    'zh-CN': '留档率、成交率(日报口径)、新增成交、销售漏斗各阶段转化率和战败原因(帕累托),与上期或去年同期对比;每个数字可查看明细。',
    en: 'Registration and closing rates (as the daily report counts them), new sales, stage-to-stage funnel conversion and lost reasons (Pareto), against the previous period or last year; every number opens its records.',
  },
  'aftersales.title': { 'zh-CN': '售后 / 客服分析', en: 'After-sales and customer service' },
  'aftersales.description': {
    'zh-CN': '销售 / 维修回访 3 天完成率、不满意原因(帕累托)及趋势、投诉类别与结案时长、提醒 → 预约 → 到店转化、招揽率与成功率、保有客户回厂率、流失原因,与上期或去年同期对比;每个数字可查看明细。',
    en: 'Sales / repair revisits within 3 days, dissatisfaction reasons (Pareto) and their trend, complaints by category and time to close, reminders → appointments → arrivals, solicitation and success rates, retention and churn reasons, against the previous period or last year; every number opens its records.',
  },
  'calls.title': { 'zh-CN': '呼叫中心分析', en: 'Call centre analysis' },
  'calls.description': {
    'zh-CN': '呼入已接 / 未接按小时分布、接通率、服务水平、振铃与通话时长、未接来电回拨、外呼接通率、各坐席的通话量与通话时长、通话结果,可按坐席筛选,与上期或去年同期对比;每个数字可查看通话记录。',
    en: 'Inbound calls answered / missed by hour, answer rate, service level, time to answer and talk time, missed calls called back, outbound connect rate, calls and talk time per agent and call outcomes, for one agent or all, against the previous period or last year; every number opens its calls.',
  },
  'kpis.title': { 'zh-CN': '关键指标 · 总经理月报', en: 'Key indicators · monthly report' },
  'kpis.description': {
    'zh-CN': '一个月的关键数字(集客、销售等栏目)与上月对比的箭头;每个数字可查看明细,可导出 Excel(每栏一页)和打印 A4。',
    en: 'The month\'s headline numbers (traffic, sales and the other sections) with arrows against last month; every number opens its records; export to Excel (a sheet per section) and print on A4.',
  },
});
