/**
 * 审核自查's public surface: the presets the records' own data sets (展厅流量, 招揽任务单, 销售 /
 * 维修回访, 客服任务) take so a check's drill-down is their own list's filter.
 */
export { auditCustomerIdColumn, selfAuditPresets } from './presets';
