import { defineTexts } from '../../../common/i18n/texts';

/** Why the call centre refuses a change of state or a dialer step, zh-CN first. */
export const CALL_CENTER_TEXTS = defineTexts({
  onCall: { 'zh-CN': '通话中不能更改状态:通话结束后进入话后处理', en: 'The state cannot change during a call: wrap-up follows when it ends' },
  'dialer.notYourTask': { 'zh-CN': '这条任务已不在您的作业中(可能已超时释放),请取下一条', en: 'This task is no longer yours in the dialer (its claim may have run out): take the next one' },
  notWrapUp: { 'zh-CN': '当前不在话后处理中', en: 'Not in wrap-up now' },
});
