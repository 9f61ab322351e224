import { defineTexts } from '../i18n/texts';

/**
 * 回访结果, keyed by the stored value, zh-CN first: the contract takes its values from here
 * (REVISIT_RESULTS) and the revisit lists' 结果 column its labels.
 */
export const REVISIT_RESULT = defineTexts({
  satisfied: { 'zh-CN': '满意', en: 'Satisfied' },
  neutral: { 'zh-CN': '一般', en: 'Neutral' },
  dissatisfied: { 'zh-CN': '不满意', en: 'Dissatisfied' },
});
