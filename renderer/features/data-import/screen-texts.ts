import { defineTexts } from '../../../electron/common/i18n/texts';

/** The menu entry of 数据导入 (zh-CN first), read with .pair() in screens.ts. */
export const IMPORT_SCREEN_TEXTS = defineTexts({
  'admin.import.title': { 'zh-CN': '数据导入', en: 'Data import' },
  'admin.import.description': {
    'zh-CN': '从 DMS 或 Excel 导入客户、电话和车辆:预览每一行、处理重复、分批导入,可整批撤销。',
    en: 'Import customers, phones and vehicles from the DMS or Excel: preview every row, handle duplicates, run in batches, undo a whole import.',
  },
});
