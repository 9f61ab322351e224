import { defineTexts } from '../i18n/texts';

/** 坐席状态: each agent state's name, zh-CN first (status bar, wall board). */
export const AGENT_STATE_NAME = defineTexts({
  ready: { 'zh-CN': '就绪', en: 'Ready' },
  busy: { 'zh-CN': '示忙', en: 'Not ready' },
  onCall: { 'zh-CN': '通话中', en: 'On a call' },
  wrapUp: { 'zh-CN': '话后处理', en: 'Wrap-up' },
  offline: { 'zh-CN': '离线', en: 'Offline' },
});

/** Why an agent is 示忙: the agent's choices, then the program's own (lock, just logged in). */
export const BUSY_REASON_NAME = defineTexts({
  break: { 'zh-CN': '小休', en: 'Break' },
  training: { 'zh-CN': '培训', en: 'Training' },
  meeting: { 'zh-CN': '会议', en: 'Meeting' },
  lunch: { 'zh-CN': '午餐', en: 'Lunch' },
  locked: { 'zh-CN': '程序锁定', en: 'Program locked' },
  login: { 'zh-CN': '刚登录', en: 'Just logged in' },
});
