import { defineTexts } from '../../../common/i18n/texts';

/**
 * Each check's rule in the audit's own words (reference/003, CEE 相关 CRM 系统检查步骤), zh-CN
 * first, and the reasons a figure carries.
 */
export const AUDIT_RULE_TEXTS = defineTexts({
  '1': {
    'zh-CN': '所有来店意向客户信息需全部录入 CRM 系统，信息一致（客户姓名、电话、来店日期、销售顾问、模式、是否首次、感兴趣车系）',
    en: 'Every showroom prospect is entered in the CRM completely (name, phone, visit date, consultant, visit mode, first-visit flag, model of interest)',
  },
  '2': { 'zh-CN': '录入系统的时间不超过 24 小时（创建时间 − 来店时间）', en: 'Entered within 24 hours of the visit (creation time − visit time)' },
  '3': {
    'zh-CN': '展厅流量模式与是否首次一致：首次到店为 1_自然客流 / 2_DCC 首次邀约，非首次为 3_展厅组再次邀约 / 4_DCC 组再次邀约',
    en: 'Visit mode matches the first-visit flag: first visits are mode 1 (walk-in) or 2 (DCC first invitation), return visits mode 3 or 4 (invited again)',
  },
  '4': {
    'zh-CN': '首次来店意向客户书面同意使用其个人信息用于传送商业信息',
    en: 'First-visit prospects have agreed in writing that their personal data may be used for commercial messages',
  },
  '5': {
    'zh-CN': '半年内常规保养招揽任务中“未分配”“已分配”的数量应小于总量的 5%（招揽率应达到 95% 以上）',
    en: 'Of six months’ regular-service solicitation tasks, “unassigned” and “assigned” stay under 5 % of the total (solicitation rate at least 95 %)',
  },
  '6a': { 'zh-CN': '对销售交车客户进行 3 日内跟踪回访（以 CRM 记录创建日期为起点）', en: 'Sales deliveries revisited within 3 days (counted from the CRM record’s creation)' },
  '6b': { 'zh-CN': '对售后客户进行 3 日内跟踪回访（以 CRM 记录创建日期为起点）', en: 'Repair orders revisited within 3 days (counted from the CRM record’s creation)' },
  '7': {
    'zh-CN': '低满意度客户应在创建时间的 3 日内（不含创建当日）将跟进情况描述反馈在 CRM 系统中，如只填写“已跟进”“未接通”则不合格；“修复中”需在 3 日内再次跟进',
    en: 'Low-score customers are followed up within 3 days of creation (not counting that day) with a real description (“已跟进” / “未接通” alone fail); “being repaired” is followed up again within 3 days',
  },
  '8': { 'zh-CN': '每次只能导出 10000 条记录', en: 'No export above 10,000 records' },
});

export const AUDIT_REASON_TEXTS = defineTexts({
  empty: { 'zh-CN': '所选期间内没有可检查的记录', en: 'No records to check in the period' },
  exports: {
    'zh-CN': '审计日志中共 {count} 次导出，最多 {max} 条；系统每次导出上限为 {limit} 条',
    en: '{count} exports in the audit log, at most {max} rows; the system caps each export at {limit} rows',
  },
  noExports: { 'zh-CN': '所选期间内没有导出记录', en: 'No exports in the period' },
});

/** The nightly job's name on the scheduler screen. */
export const SELF_AUDIT_JOB_LABELS = defineTexts({
  'selfAudit.daily': { 'zh-CN': '审核自查每日结果', en: 'Audit self-check: daily figures' },
});

/** The column 审核自查 adds to the data sets without one, so an offending row opens its customer's card. */
export const SELF_AUDIT_COLUMNS = defineTexts({
  customerId: { 'zh-CN': '客户编号', en: 'Customer ID' },
});
