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
