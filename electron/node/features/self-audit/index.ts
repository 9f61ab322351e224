/**
 * 审核自查's public surface: the presets the records' own data sets (展厅流量, 招揽任务单, 销售 /
 * 维修回访, 客服任务) take so a check's drill-down is their own list's filter.
 */
export { auditCustomerIdColumn, auditDrill, selfAuditPresets } from './presets';
// 售后 / 客服 (analysis) counts revisits on time and 招揽率 by the audit's own rules.
export { RULES, type RuleCtx } from './rules';
