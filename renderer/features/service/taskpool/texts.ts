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
  'rule': { 'zh-CN': '按到期日先后(同一天紧急、优先的在前)依次轮流分给所选顾问,每人数量相差不超过 1;已完成或已取消的任务不变。', en: 'Earliest due first (urgent and high first within a day), in turn to the chosen agents, so their shares differ by at most 1; closed tasks stay as they are.' },
  'agents': { 'zh-CN': '客服顾问', en: 'Agents' },
  'pickAgents': { 'zh-CN': '请至少选择一位客服顾问', en: 'Choose at least one agent' },
  'share': { 'zh-CN': '{k} 位顾问,每人约 {n} 条', en: '{k} agents, about {n} each' },
  'submit': { 'zh-CN': '分配', en: 'Assign' },
  'done': { 'zh-CN': '已分配 {n} 条:{each}', en: '{n, plural, one {# task} other {# tasks}} assigned: {each}' },
  'skippedClosed': { 'zh-CN': ';{n} 条已结束的任务未变', en: '; {n} closed tasks left as they were' },
  'priority': { 'zh-CN': '设优先级', en: 'Set priority' },
  'priorityN': { 'zh-CN': '设优先级({n} 条)', en: 'Set priority ({n})' },
  'priority.title': { 'zh-CN': '设置 {n} 条任务的优先级', en: 'Priority of {n, plural, one {# task} other {# tasks}}' },
  'priority.label': { 'zh-CN': '优先级', en: 'Priority' },
  'priority.rule': {
    'zh-CN': '同一到期日内,紧急的任务排在优先之前,优先的排在普通之前(工作台和作业模式都按此顺序);已结束的任务不变。',
    en: 'Within a due day, urgent tasks come before high and high before normal (on the workbench and in the dialer); closed tasks stay as they are.',
  },
  'priority.done': { 'zh-CN': '已将 {n} 条任务设为“{p}”', en: '{n, plural, one {# task} other {# tasks}} set to {p}' },
});
