/**
 * Texts of the notice a form shows when its save was refused because someone else saved the record
 * first (STALE_RECORD, issue 15), zh-CN first. The shared dictionaries take them in under 'stale.'.
 * Data only: renderer/i18n imports this file.
 */
export const staleZh = {
  field: '项目',
  theirs: '他人保存的最新内容',
  mine: '您填写的内容',
  same: '(其他人修改的不是您填写的这些项目)',
  useLatest: '载入最新内容',
  usedLatest: '已载入最新内容;您原先填写的内容仍列在右栏,可对照重新填写。',
  hint: '核对后可直接再次保存(将以您表单中的内容为准),或先载入最新内容。',
  hintAction: '以上为最新内容,请核对后决定是否仍要执行此操作。',
  opened: '您打开时的内容',
  empty: '(空)',
  changed: '已被他人修改',
  taskStatus: '任务状态',
  'task.open': '待处理',
  'task.in_progress': '处理中',
  'task.done': '已完成',
  'task.failed': '未成功',
  'task.cancelled': '已取消',
} as const;

export const staleEn: Record<keyof typeof staleZh, string> = {
  field: 'Field',
  theirs: 'Saved by someone else (current)',
  mine: 'What you entered',
  same: '(The other change was to fields you did not fill in.)',
  useLatest: 'Load the current values',
  usedLatest: 'The current values are loaded; what you entered is still listed on the right to re-enter.',
  hint: 'Check, then save again (what is in your form will be saved), or load the current values first.',
  hintAction: 'These are the current values: check them, then decide whether to go ahead.',
  opened: 'When you opened it',
  empty: '(blank)',
  changed: 'changed by someone else',
  taskStatus: 'Task status',
  'task.open': 'Open',
  'task.in_progress': 'In progress',
  'task.done': 'Done',
  'task.failed': 'Failed',
  'task.cancelled': 'Cancelled',
};
