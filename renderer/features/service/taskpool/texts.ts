/**
 * Texts of 任务分配, zh-CN first (the source of the keys) and
 * English second; the shared dictionaries (renderer/i18n) take them in under 'tp.'. Data only.
 */
export const tpZh = {
  'preset.unassigned': "未分配的任务",
  'preset.open': "全部未完成任务",
  'preset.all': "全部任务",
  hint: "勾选任务或“全选符合条件的”后点击分配",
  assign: "分配",
  assignN: "分配所选 {n} 条",
  title: "分配 {n} 条任务",
  rule: "按到期日先后依次轮流分给所选顾问,每人数量相差不超过 1;已完成或已取消的任务不变。",
  agents: "客服顾问",
  pickAgents: "请至少选择一位客服顾问",
  share: "{k} 位顾问,每人约 {n} 条",
  submit: "分配",
  done: "已分配 {n} 条:{each}",
  skippedClosed: ";{n} 条已结束的任务未变",
};

export const tpEn: Record<keyof typeof tpZh, string> = {
  'preset.unassigned': "Unassigned tasks",
  'preset.open': "All open tasks",
  'preset.all': "All tasks",
  hint: "Tick tasks or select all matching, then assign",
  assign: "Assign",
  assignN: "Assign {n} selected",
  title: "Assign {n, plural, one {# task} other {# tasks}}",
  rule: "Earliest due first, in turn to the chosen agents, so their shares differ by at most 1; closed tasks stay as they are.",
  agents: "Agents",
  pickAgents: "Choose at least one agent",
  share: "{k} agents, about {n} each",
  submit: "Assign",
  done: "{n, plural, one {# task} other {# tasks}} assigned: {each}",
  skippedClosed: "; {n} closed tasks left as they were",
};
