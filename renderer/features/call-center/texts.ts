import { defineTexts } from '../../../electron/common/i18n/texts';

/** The status bar's 坐席状态 (zh-CN first), under 'agent.' in the dictionaries. */
export const AGENT_TEXTS = defineTexts({
  title: { 'zh-CN': '坐席状态', en: 'Agent state' },
  ready: { 'zh-CN': '就绪', en: 'Ready' },
  busy: { 'zh-CN': '示忙', en: 'Not ready' },
  busyAs: { 'zh-CN': '示忙 · {reason}', en: 'Not ready · {reason}' },
  extend: { 'zh-CN': '延长 1 分钟', en: 'One more minute' },
  wrapLeft: { 'zh-CN': '剩 {time}', en: '{time} left' },
  'floor.title': { 'zh-CN': '坐席监控', en: 'Agent floor' },
  'floor.description': { 'zh-CN': '每位坐席的状态与当前通话、今日接听 / 未接 / 外呼、通话时长与平均话后处理,实时更新;可切换大屏。', en: 'Each agent’s state and current call, today’s answered / missed / outbound calls, talk time and average wrap-up, live; a big-screen mode.' },
  'floor.big': { 'zh-CN': '大屏', en: 'Big screen' },
  'floor.small': { 'zh-CN': '退出大屏', en: 'Leave big screen' },
  'floor.missedOpen': { 'zh-CN': '未回拨的未接来电', en: 'Missed calls not called back' },
  'floor.none': { 'zh-CN': '还没有坐席', en: 'No agents yet' },
  'col.agent': { 'zh-CN': '坐席', en: 'Agent' },
  'col.state': { 'zh-CN': '状态', en: 'State' },
  'col.since': { 'zh-CN': '状态时长', en: 'In state' },
  'col.call': { 'zh-CN': '当前通话', en: 'Current call' },
  'col.answered': { 'zh-CN': '今日接听', en: 'Answered' },
  'col.missed': { 'zh-CN': '未接', en: 'Missed' },
  'col.outbound': { 'zh-CN': '外呼', en: 'Outbound' },
  'col.talk': { 'zh-CN': '通话时长', en: 'Talk time' },
  'col.wrap': { 'zh-CN': '平均话后', en: 'Avg wrap-up' },
  'dir.inbound': { 'zh-CN': '呼入', en: 'In' },
  'dir.outbound': { 'zh-CN': '呼出', en: 'Out' },
  keys: { 'zh-CN': 'Alt+R 就绪 · Alt+B 示忙(小休)', en: 'Alt+R ready · Alt+B not ready (break)' },
});
