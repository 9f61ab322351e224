import { defineTexts } from '../i18n/texts';
import type { HeadlineTopic } from './analysis-headline';

/**
 * The texts of 总经理月报 that both sides write (zh-CN first): the page and the print read them in the
 * renderer, the workbook on the host in the caller's language. A headline's label is keyed
 * '<topic>.<headline key>' (the Headline's `key` is also the report's text key).
 */
export const MONTHLY_TEXTS = defineTexts({
  'title': { 'zh-CN': '总经理月报', en: 'General manager\'s monthly report' },
  'monthLabel': { 'zh-CN': '{month}(与上月 {previous} 对比)', en: '{month} (against last month, {previous})' },
  'section.traffic': { 'zh-CN': '集客', en: 'Traffic' },
  'section.sales': { 'zh-CN': '销售', en: 'Sales' },
  'section.aftersales': { 'zh-CN': '售后 / 客服', en: 'After-sales / customer service' },
  'section.calls': { 'zh-CN': '呼叫中心', en: 'Call centre' },
  'col.item': { 'zh-CN': '指标', en: 'Indicator' },
  'col.value': { 'zh-CN': '本月', en: 'This month' },
  'col.previous': { 'zh-CN': '上月', en: 'Last month' },
  'col.change': { 'zh-CN': '变化', en: 'Change' },
  'col.trend': { 'zh-CN': '趋势', en: 'Trend' },
  'pointsFormat': { 'zh-CN': '个百分点', en: 'pp' },
  'secondsFormat': { 'zh-CN': '秒', en: 's' },
  'daysFormat': { 'zh-CN': '天', en: 'days' },
  'note': {
    'zh-CN': '率的变化为百分点之差,其余为相对上月的增减百分比;无数据为"—"。',
    en: 'A rate\'s change is the difference in percentage points, the others\' the change against last month in %; "—" where there is nothing to count.',
  },
  'traffic.traffic': { 'zh-CN': '集客量', en: 'Showroom traffic' },
  'traffic.visits': { 'zh-CN': '登记来访', en: 'Registered visits' },
  'traffic.walkIns': { 'zh-CN': '未留档', en: 'Walk-ins (not registered)' },
  'traffic.firstVisits': { 'zh-CN': '首次来店', en: 'First visits' },
  'traffic.returnVisits': { 'zh-CN': '再次来店', en: 'Return visits' },
  'sales.newProspects': { 'zh-CN': '新增潜客', en: 'New prospects' },
  'sales.deals': { 'zh-CN': '新增成交', en: 'New deals' },
  'sales.registrationRate': { 'zh-CN': '留档率', en: 'Registration rate' },
  'sales.closingRate': { 'zh-CN': '成交率', en: 'Closing rate' },
  'sales.lost': { 'zh-CN': '战败(放弃的销售机会)', en: 'Lost (abandoned opportunities)' },
  'aftersales.revisitSales': { 'zh-CN': '销售回访 3 天内完成率', en: 'Sales revisits done within 3 days' },
  'aftersales.revisitRepair': { 'zh-CN': '维修回访 3 天内完成率', en: 'Repair revisits done within 3 days' },
  'aftersales.dissatisfied': { 'zh-CN': '不满意回访', en: 'Dissatisfied revisits' },
  'aftersales.complaints': { 'zh-CN': '新增投诉', en: 'Complaints received' },
  'aftersales.solicitationRate': { 'zh-CN': '招揽率', en: 'Solicitation rate' },
  'aftersales.firstServiceReturn': { 'zh-CN': '首保回厂率', en: 'First-service return rate' },
  'aftersales.retention': { 'zh-CN': '保有客户回厂率', en: 'Retention (customers back in 12 months)' },
  'calls.inbound': { 'zh-CN': '呼入电话', en: 'Inbound calls' },
  'calls.answerRate': { 'zh-CN': '呼入接通率', en: 'Inbound answer rate' },
  'calls.serviceLevel': { 'zh-CN': '服务水平(20 秒内接听)', en: 'Service level (answered within 20 s)' },
  'calls.missedNotCalledBack': { 'zh-CN': '未接来电未回拨', en: 'Missed calls not called back' },
  'calls.outbound': { 'zh-CN': '呼出电话', en: 'Outbound calls' },
  'calls.connectRate': { 'zh-CN': '外呼接通率', en: 'Outbound connect rate' },
  'calls.avgAnswerSeconds': { 'zh-CN': '平均振铃时长', en: 'Average time to answer' },
});
export type MonthlyTextKey = Parameters<typeof MONTHLY_TEXTS.text>[0];

/** A headline's label in a locale; a key without a label here shows as itself (monthly.test.ts fails on one). */
export function headlineLabel(topic: HeadlineTopic, key: string, locale: string): string {
  const k = `${topic}.${key}`;
  return k in MONTHLY_TEXTS.table ? MONTHLY_TEXTS.text(k as MonthlyTextKey, locale) : key;
}
