import { defineTexts } from '../../../electron/common/i18n/texts';

/** The menu entry of 审核自查 (zh-CN first); read with .pair() in screens.ts. */
export const SELF_AUDIT_SCREEN_TEXTS = defineTexts({
  title: { 'zh-CN': '审核自查', en: 'Audit self-check' },
  description: {
    'zh-CN': '按厂家审核(CEE 相关 CRM 系统检查步骤)逐项计算:展厅流量录入完整且 24 小时内录入、模式与首次一致、招揽率、3 日内回访、低分跟进、导出条数;每项可查看不合格记录并逐条整改。',
    en: 'Every check of the manufacturer’s CRM audit computed from the data: showroom records complete and entered within 24 h, visit mode consistent, solicitation rate, revisits within 3 days, low-score follow-ups, export sizes; each opens its failing records to fix.',
  },
});
