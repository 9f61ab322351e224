import { defineTexts } from '../../../electron/common/i18n/texts';

/** The menu entries of this feature's screens (zh-CN first): title and description per screen id, read with .pair() in screens.ts. */
export const DICTIONARY_SCREEN_TEXTS = defineTexts({
  'admin.dictionaries.title': { 'zh-CN': '数据字典', en: 'Data dictionaries' },
  'admin.dictionaries.description': { 'zh-CN': '维护客户来源、车型、品牌、放弃原因、投诉类别等下拉列表:新增、改名、排序和停用。', en: 'The drop-down lists — customer sources, models, brands, abandon reasons, complaint categories: add, rename, order and retire items.' },
});
