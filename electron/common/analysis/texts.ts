import { defineTexts } from '../i18n/texts';

/** Age bands at the visit (the contract's AGE_BANDS), zh-CN first: the grid's 年龄段 column and the 集客分析 screen read the same table. */
export const AGE_BAND_TEXTS = defineTexts({
  u25: { 'zh-CN': '25岁以下', en: 'Under 25' },
  a25: { 'zh-CN': '25–34岁', en: '25–34' },
  a35: { 'zh-CN': '35–44岁', en: '35–44' },
  a45: { 'zh-CN': '45–54岁', en: '45–54' },
  a55: { 'zh-CN': '55岁及以上', en: '55 and over' },
});
