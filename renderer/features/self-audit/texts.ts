/**
 * 审核自查 screen's and home part's texts, zh-CN first (the shared dictionaries take them in under 'selfAudit.').
 * Data only: renderer/i18n imports this file.
 */
import { defineTexts } from '../../../electron/common/i18n/texts';

export const SELF_AUDIT_TEXTS = defineTexts({
  from: { 'zh-CN': '从', en: 'From' },
  to: { 'zh-CN': '到', en: 'To' },
  lastSixMonths: { 'zh-CN': '近 6 个月', en: 'Last 6 months' },
  'col.no': { 'zh-CN': '项', en: 'No.' },
  'col.rule': { 'zh-CN': '检查标准(审核原文)', en: 'Rule (the audit’s words)' },
  'col.figure': { 'zh-CN': '达标率', en: 'Compliance' },
  'col.threshold': { 'zh-CN': '标准', en: 'Threshold' },
  'col.offending': { 'zh-CN': '不合格 / 检查数', en: 'Failing / checked' },
  'col.status': { 'zh-CN': '结果', en: 'Result' },
  'col.trend': { 'zh-CN': '趋势(近 30 天)', en: 'Trend (30 days)' },
  'status.pass': { 'zh-CN': '通过', en: 'Pass' },
  'status.fail': { 'zh-CN': '不通过', en: 'Fail' },
  'status.not_computable': { 'zh-CN': '无法计算', en: 'Cannot compute' },
  none: { 'zh-CN': '—', en: '—' },
  noTrend: { 'zh-CN': '暂无(每晚计算)', en: 'None yet (computed nightly)' },
  period: { 'zh-CN': '检查期间:{from} 至 {to}', en: 'Period: {from} to {to}' },
  records: { 'zh-CN': '第 {no} 项的不合格记录({count} 条),双击一行到该记录所在的界面整改(来访记录、回访、低分跟进、招揽任务;您无权打开该界面时打开客户卡片)', en: 'Failing records of check {no} ({count}); double-click a row to fix it where the record is kept (the visit, revisit, low-score follow-up or solicitation task; the customer’s card when you may not open that screen)' },
  noRecords: { 'zh-CN': '此项没有可列出的记录', en: 'This check has no records to list' },
  notYours: { 'zh-CN': '您的角色无权查看这些记录', en: 'Your role may not see these records' },
  openLog: { 'zh-CN': '在审计日志中查看这 {count} 次超过 10,000 行的导出', en: 'See these {count} exports of more than 10,000 rows in the audit log' },
  logAdminOnly: { 'zh-CN': '这些导出记录在审计日志中,只有系统管理员可以打开', en: 'These exports are in the audit log, which only the administrator can open' },
  pick: { 'zh-CN': '选择一项检查查看不合格记录', en: 'Select a check to see its failing records' },
  'home.title': { 'zh-CN': '审核自查:今日不通过的检查项', en: 'Audit self-check: checks failing today' },
  'home.none': { 'zh-CN': '今日所有检查项均通过', en: 'Every check passes today' },
  'home.item': { 'zh-CN': '{rule}(不合格 {count} 条)', en: '{rule} ({count} failing)' },
});
