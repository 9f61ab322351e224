import { defineTexts } from '../../../electron/common/i18n/texts';

/** 关键指标 · 总经理月报's screen texts (zh-CN first), under 'anms.'; the report's own texts are MONTHLY_TEXTS ('anm.'). */
export const MONTHLY_SCREEN_TEXTS = defineTexts({
  'month': { 'zh-CN': '月份', en: 'Month' },
  'exportXlsx': { 'zh-CN': '导出 Excel', en: 'Export to Excel' },
  'print': { 'zh-CN': '打印', en: 'Print' },
  'exported': { 'zh-CN': '已导出 {file}', en: 'Exported {file}' },
  'previous': { 'zh-CN': '上月 {value}', en: 'Last month {value}' },
  'empty': { 'zh-CN': '您的角色没有可看的月报栏目。', en: 'Your role has no section of the monthly report to see.' },
  'loading': { 'zh-CN': '正在统计…', en: 'Counting…' },
  'printedAt': { 'zh-CN': '打印时间 {at}', en: 'Printed {at}' },
  'drill.opportunities': { 'zh-CN': '销售机会', en: 'Opportunities' },
  'drill.list': { 'zh-CN': '明细', en: 'Records' },
  'rateNoDrill': { 'zh-CN': '该比率由其他指标构成,请点击其组成数字查看明细', en: 'This rate is made of other figures: click those to see the records' },
});
