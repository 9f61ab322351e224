import { enumOptions } from '../i18n/enum-options';
import { defineTexts } from '../i18n/texts';

/**
 * Labels of the telephony contract's fixed lists, zh-CN first, keyed by the stored value: the
 * contract takes its values from here (z.enum) and the call form, the recordings grid and the
 * recording badge their labels, so a value and its label are written once.
 */
export const CALL_DIRECTION = defineTexts({
  inbound: { 'zh-CN': '呼入', en: 'Inbound' },
  outbound: { 'zh-CN': '呼出', en: 'Outbound' },
});

/** Business outcomes the agent picks after the call, in the order of their one-key shortcuts (1–6). */
export const CALL_OUTCOME = defineTexts({
  done: { 'zh-CN': '已处理', en: 'Handled' },
  callBack: { 'zh-CN': '需回电', en: 'Call back' },
  appointment: { 'zh-CN': '已预约', en: 'Appointment made' },
  complaint: { 'zh-CN': '投诉', en: 'Complaint' },
  wrongNumber: { 'zh-CN': '打错电话', en: 'Wrong number' },
  noInterest: { 'zh-CN': '无意向', en: 'Not interested' },
});

/** How a call ended technically (telephony.call.end), as the call lists' 通话结果 (recordings, 通话记录) show it. */
export const CALL_END = defineTexts({
  answered: { 'zh-CN': '已接通', en: 'Answered' },
  missed: { 'zh-CN': '未接', en: 'Missed' },
  declined: { 'zh-CN': '已拒接', en: 'Declined' },
  noAnswer: { 'zh-CN': '无人接听', en: 'No answer' },
  busy: { 'zh-CN': '忙', en: 'Busy' },
  failed: { 'zh-CN': '失败', en: 'Failed' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
  interrupted: { 'zh-CN': '通话中断', en: 'Interrupted' },
});

/** A call's 通话结果 as the lists offer it: the technical ends, then the agents' business outcomes, in both languages. */
export const CALL_RESULT_OPTIONS = [...enumOptions(CALL_END), ...enumOptions(CALL_OUTCOME)];

/** 呼入 / 呼出 as the lists offer them. */
export const CALL_DIRECTION_OPTIONS = enumOptions(CALL_DIRECTION);
