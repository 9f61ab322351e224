import { defineTexts } from '../../../common/i18n/texts';

/** Why the call centre refuses a change of state, zh-CN first. */
export const CALL_CENTER_TEXTS = defineTexts({
  onCall: { 'zh-CN': '通话中不能更改状态:通话结束后进入话后处理', en: 'The state cannot change during a call: wrap-up follows when it ends' },
  notWrapUp: { 'zh-CN': '当前不在话后处理中', en: 'Not in wrap-up now' },
});
