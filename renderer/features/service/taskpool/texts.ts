/**
 * Texts of 任务分配, zh-CN first (the source of the keys) and
 * English second; the shared dictionaries (renderer/i18n) take them in under 'tp.'. Data only.
 */
import { defineTexts } from '../../../../electron/common/i18n/texts';

export const TASKPOOL_TEXTS = defineTexts({
  'preset.unassigned': { 'zh-CN': '未分配的任务', en: 'Unassigned tasks' },
  'preset.open': { 'zh-CN': '全部未完成任务', en: 'All open tasks' },
  'preset.all': { 'zh-CN': '全部任务', en: 'All tasks' },
  'hint': { 'zh-CN': '勾选任务或“全选符合条件的”后点击分配', en: 'Tick tasks or select all matching, then assign' },
  'assign': { 'zh-CN': '分配', en: 'Assign' },
  'assignN': { 'zh-CN': '分配所选 {n} 条', en: 'Assign {n} selected' },
  'title': { 'zh-CN': '分配 {n} 条任务', en: 'Assign {n, plural, one {# task} other {# tasks}}' },
  'rule': { 'zh-CN': '按到期日先后依次轮流分给所选顾问,每人数量相差不超过 1;已完成或已取消的任务不变。', en: 'Earliest due first, in turn to the chosen agents, so their shares differ by at most 1; closed tasks stay as they are.' },
  'agents': { 'zh-CN': '客服顾问', en: 'Agents' },
  'pickAgents': { 'zh-CN': '请至少选择一位客服顾问', en: 'Choose at least one agent' },
  'share': { 'zh-CN': '{k} 位顾问,每人约 {n} 条', en: '{k} agents, about {n} each' },
  'submit': { 'zh-CN': '分配', en: 'Assign' },
  'done': { 'zh-CN': '已分配 {n} 条:{each}', en: '{n, plural, one {# task} other {# tasks}} assigned: {each}' },
  'skippedClosed': { 'zh-CN': ';{n} 条已结束的任务未变', en: '; {n} closed tasks left as they were' },
});
