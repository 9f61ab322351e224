import { defineTexts } from '../../../common/i18n/texts';

/**
 * 数据字典 data set's column labels, zh-CN first: the grid sends both languages to the renderer
 * (`.pair(id)`), so each table is read once, when its data set is defined at load.
 */

/** dataset.ts */
export const DICTIONARY_COLUMNS = defineTexts({
  id: { 'zh-CN': '编号', en: 'ID' },
  kind: { 'zh-CN': '字典', en: 'List' },
  code: { 'zh-CN': '编码', en: 'Code' },
  zh: { 'zh-CN': '中文名称', en: 'Chinese name' },
  en: { 'zh-CN': '英文名称', en: 'English name' },
  sort: { 'zh-CN': '顺序', en: 'Order' },
  active: { 'zh-CN': '启用', en: 'Offered' },
  intervals: { 'zh-CN': '保养间隔(首保 → 常规,km / 月)', en: 'Service intervals (first → then, km / months)' },
});
