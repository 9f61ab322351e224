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
  errorDetail: { 'zh-CN': '原始错误信息', en: 'Original error' },
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

/**
 * The scheduler's own jobs by id, as the 定时任务 screen and the run list's job filter show them
 * (JobDef.label takes `.pair(id)`): generation.ts and maintenance.ts.
 */
export const JOB_LABELS = defineTexts({
  'tasks.salesRevisits': { 'zh-CN': '生成销售回访任务(交车后第 1/7/30 天)', en: 'Sales revisit tasks (day 1 / 7 / 30 after delivery)' },
  'tasks.repairRevisits': { 'zh-CN': '生成维修回访任务(维修后 3 天内)', en: 'Repair revisit tasks (within 3 days of a repair)' },
  'tasks.serviceReminders': { 'zh-CN': '生成保养提醒任务(首保 / 常规 / 专项)', en: 'Service reminder tasks (first / regular / mileage)' },
  'tasks.expiryReminders': { 'zh-CN': '生成到期提醒任务(保险 / 会员 / 年检 / 驾照)', en: 'Expiry reminder tasks (insurance / membership / inspection / licence)' },
  'tasks.churn': { 'zh-CN': '生成流失预警任务', en: 'Churn warning tasks' },
  'tasks.birthdays': { 'zh-CN': '生成生日关怀任务', en: 'Birthday tasks' },
  'tasks.appointmentReminders': { 'zh-CN': '生成明日预约提醒任务', en: 'Reminders for tomorrow\'s appointments' },
  'tasks.lowScore': { 'zh-CN': '生成低分跟进任务', en: 'Low-score follow-up tasks' },
  'tasks.abandonedFollowUps': { 'zh-CN': '放弃机会回访到期提醒', en: 'Abandoned-opportunity follow-ups coming due' },
  'tasks.solicitation': { 'zh-CN': '生成招揽任务(常规保养)', en: 'Solicitation tasks (regular service)' },
  'tasks.overdueEscalation': { 'zh-CN': '逾期任务升级给经理', en: 'Overdue tasks escalated to the manager' },
  'maintenance.integrity': { 'zh-CN': '数据库完整性检查', en: 'Database integrity check' },
  'maintenance.backup': { 'zh-CN': '数据库备份', en: 'Database backup' },
  'maintenance.sessions': { 'zh-CN': '清理过期会话', en: 'Expired sessions cleaned up' },
  'maintenance.dedupe': { 'zh-CN': '查找重复客户', en: 'Duplicate customers found' },
});

/** A failed run's known cause, in the admin's language (job-error.ts stores the key and the original text). */
export const JOB_ERROR_TEXTS = defineTexts({
  diskFull: { 'zh-CN': '磁盘空间已满,请清理数据目录所在磁盘', en: 'The disk is full: free space on the data folder’s disk' },
  busy: { 'zh-CN': '数据库正被其他程序占用,稍后会自动重试', en: 'The database is in use by another program; the run will be retried' },
  readOnly: { 'zh-CN': '没有写入权限,请检查数据目录的权限', en: 'No permission to write: check the data folder’s permissions' },
  corrupt: { 'zh-CN': '数据库文件已损坏,请联系管理员从备份恢复', en: 'The database file is damaged: ask the administrator to restore a backup' },
  interrupted: { 'zh-CN': '运行期间程序多次退出,已停止重试', en: 'The app stopped during the run too many times; no more retries' },
});
