/**
 * Texts of the notice a form shows when its save was refused because someone else saved the record
 * first (STALE_RECORD, issue 15), zh-CN first. The shared dictionaries take them in under 'stale.'.
 * Data only: renderer/i18n imports this file.
 */
import { defineTexts } from '../../electron/common/i18n/texts';

export const STALE_TEXTS = defineTexts({
  'field': { 'zh-CN': '项目', en: 'Field' },
  'theirs': { 'zh-CN': '他人保存的最新内容', en: 'Saved by someone else (current)' },
  'mine': { 'zh-CN': '您填写的内容', en: 'What you entered' },
  'same': { 'zh-CN': '(其他人修改的不是您填写的这些项目)', en: '(The other change was to fields you did not fill in.)' },
  'useLatest': { 'zh-CN': '载入最新内容', en: 'Load the current values' },
  'usedLatest': { 'zh-CN': '已载入最新内容;您原先填写的内容仍列在右栏,可对照重新填写。', en: 'The current values are loaded; what you entered is still listed on the right to re-enter.' },
  'hint': { 'zh-CN': '核对后可直接再次保存(将以您表单中的内容为准),或先载入最新内容。', en: 'Check, then save again (what is in your form will be saved), or load the current values first.' },
  'hintAction': { 'zh-CN': '以上为最新内容,请核对后决定是否仍要执行此操作。', en: 'These are the current values: check them, then decide whether to go ahead.' },
  'opened': { 'zh-CN': '您打开时的内容', en: 'When you opened it' },
  'empty': { 'zh-CN': '(空)', en: '(blank)' },
  'changed': { 'zh-CN': '已被他人修改', en: 'changed by someone else' },
  'taskStatus': { 'zh-CN': '任务状态', en: 'Task status' },
  'task.open': { 'zh-CN': '待处理', en: 'Open' },
  'task.in_progress': { 'zh-CN': '处理中', en: 'In progress' },
  'task.done': { 'zh-CN': '已完成', en: 'Done' },
  'task.failed': { 'zh-CN': '未成功', en: 'Failed' },
  'task.cancelled': { 'zh-CN': '已取消', en: 'Cancelled' },
});
