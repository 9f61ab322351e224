import { defineTexts } from '../../../electron/common/i18n/texts';

/** The status bar's 坐席状态 (zh-CN first), under 'agent.' in the dictionaries. */
export const AGENT_TEXTS = defineTexts({
  title: { 'zh-CN': '坐席状态', en: 'Agent state' },
  ready: { 'zh-CN': '就绪', en: 'Ready' },
  busy: { 'zh-CN': '示忙', en: 'Not ready' },
  busyAs: { 'zh-CN': '示忙 · {reason}', en: 'Not ready · {reason}' },
  extend: { 'zh-CN': '延长 1 分钟', en: 'One more minute' },
  wrapLeft: { 'zh-CN': '剩 {time}', en: '{time} left' },
  keys: { 'zh-CN': 'Alt+R 就绪 · Alt+B 示忙(小休)', en: 'Alt+R ready · Alt+B not ready (break)' },
});
