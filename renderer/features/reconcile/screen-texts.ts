import { defineTexts } from '../../../electron/common/i18n/texts';

/** The menu entry of 厂家漏斗核对 (zh-CN first), read with .pair() in screens.ts. */
export const RECONCILE_SCREEN_TEXTS = defineTexts({
  'reconcile.menu.title': { 'zh-CN': '厂家漏斗核对', en: 'Funnel reconciliation' },
  'reconcile.menu.description': {
    'zh-CN': '导入厂家销售漏斗导出(姓名、电话、到店日期、是否首次),与本店展厅来店记录逐条核对:一致、不一致(哪一项)、仅一边有——审核抽查的正是这些。',
    en: "Load the manufacturer's sales-funnel export (name, phone, visit date, first visit) and check it against the showroom visits here: consistent, different (which field), only on one side — what the auditor samples.",
  },
});
