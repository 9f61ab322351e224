import { defineTexts } from '../../../electron/common/i18n/texts';

/** The menu entries of 客户去重 (zh-CN first), read with .pair() in screens.ts. */
export const DEDUPE_SCREEN_TEXTS = defineTexts({
  'dedupe.menu.title': { 'zh-CN': '客户去重', en: 'Duplicate customers' },
  'dedupe.menu.description': {
    'zh-CN': '查找重复录入的客户(相同电话、相同证件号、同名且电话相近),并排比较后合并:相关记录全部转到保留的客户。',
    en: 'Find customers entered twice (same phone, same ID number, same name with a phone one digit apart), compare them side by side and merge: every record moves to the kept one.',
  },
});
