import { defineTexts } from '../../../electron/common/i18n/texts';

/** The menu entries of this feature's screens (zh-CN first): title and description per screen id, read with .pair() in screens.ts. */
export const SCHEDULER_SCREEN_TEXTS = defineTexts({
  'admin.scheduler.title': { 'zh-CN': '定时任务', en: 'Scheduled jobs' },
  'admin.scheduler.description': { 'zh-CN': '每日生成回访、提醒和招揽任务,逾期升级、数据库备份等定时任务:运行记录、失败原因、立即运行、暂停和修改计划。', en: 'Jobs that make revisit, reminder and solicitation tasks every day, escalate overdue tasks and back up the database: their runs, failures, run now, pause and schedule.' },
});
