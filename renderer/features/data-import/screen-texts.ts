import { defineTexts } from '../../../electron/common/i18n/texts';

/** The menu entries of 数据导入 (zh-CN first), read with .pair() in screens.ts. */
export const IMPORT_SCREEN_TEXTS = defineTexts({
  'import.menu.title': { 'zh-CN': '数据导入', en: 'Data import' },
  'import.menu.description': {
    'zh-CN': '从 DMS 或 Excel 导入客户(电话、车辆)、销售机会和维修工单:预览每一行、处理重复、分批导入,可整批撤销。',
    en: 'Import customers (phones, vehicles), sales opportunities and repair orders from the DMS or Excel: preview every row, handle duplicates, run in batches, undo a whole import.',
  },
});
