import { defineTexts } from '../../../electron/common/i18n/texts';

/** How a call ended technically, when the agent recorded no business outcome (the call log's 结果). */
export const CALL_END_TEXTS = defineTexts({
  'answered': { 'zh-CN': '已接通', en: 'Answered' },
  'missed': { 'zh-CN': '未接', en: 'Missed' },
  'declined': { 'zh-CN': '已拒接', en: 'Declined' },
  'busy': { 'zh-CN': '忙', en: 'Busy' },
  'failed': { 'zh-CN': '失败', en: 'Failed' },
  'noAnswer': { 'zh-CN': '无人接听', en: 'No answer' },
  'cancelled': { 'zh-CN': '已取消', en: 'Cancelled' },
  'interrupted': { 'zh-CN': '通话中断', en: 'Interrupted' },
});
