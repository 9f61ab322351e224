import { defineTexts } from '../../../common/i18n/texts';

/**
 * 定时任务 run list's column labels, zh-CN first: the grid sends both languages to the renderer
 * (`.pair(id)`), so each table is read once, when its data set is defined at load.
 */

/** job-runs-dataset.ts */
export const JOB_RUN_COLUMNS = defineTexts({
  id: { 'zh-CN': '编号', en: 'No.' },
  plannedFor: { 'zh-CN': '计划时间', en: 'Planned for' },
  trigger: { 'zh-CN': '触发', en: 'Trigger' },
  status: { 'zh-CN': '状态', en: 'Status' },
  startedAt: { 'zh-CN': '开始', en: 'Started' },
  endedAt: { 'zh-CN': '结束', en: 'Ended' },
  created: { 'zh-CN': '处理数', en: 'Done' },
  skipped: { 'zh-CN': '跳过数', en: 'Skipped' },
  skippedReasons: { 'zh-CN': '跳过原因', en: 'Skip reasons' },
  attempts: { 'zh-CN': '尝试次数', en: 'Attempts' },
  error: { 'zh-CN': '错误', en: 'Error' },
  runner: { 'zh-CN': '运行实例', en: 'Runner' },
  job: { 'zh-CN': '任务', en: 'Job' },
});

/** What started a run: the schedule, or an administrator (立即运行). */
export const JOB_RUN_TRIGGER = defineTexts({
  scheduled: { 'zh-CN': '计划', en: 'Scheduled' },
  manual: { 'zh-CN': '手动', en: 'Manual' },
});

/** A run's state (job_runs.status). */
export const JOB_RUN_STATUS = defineTexts({
  running: { 'zh-CN': '运行中', en: 'Running' },
  ok: { 'zh-CN': '成功', en: 'OK' },
  failed: { 'zh-CN': '失败', en: 'Failed' },
});
