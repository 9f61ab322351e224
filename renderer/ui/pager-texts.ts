/**
 * Texts of the pager under a short paged list (上一页 / 下一页), zh-CN first. The shared dictionaries
 * take them in under 'pager.'. Data only: renderer/i18n imports this file.
 */
import { defineTexts } from '../../electron/common/i18n/texts';

export const PAGER_TEXTS = defineTexts({
  'prev': { 'zh-CN': '上一页', en: 'Previous' },
  'next': { 'zh-CN': '下一页', en: 'Next' },
  'range': { 'zh-CN': '第 {from}–{to} 条,共 {total} 条', en: 'Rows {from}–{to} of {total}' },
});
