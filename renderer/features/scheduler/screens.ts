import { defineScreens, lazyScreen } from '../../shell/screen-kit';

/** The screens this feature adds to the menu: place, title, description, component (loaded when first opened), who sees it. */
export const schedulerScreens = defineScreens({
  'admin.scheduler': {
    order: 60,
    title: { zh: '定时任务', en: 'Scheduled jobs' },
    description: {
      zh: '每日生成回访、提醒和招揽任务,逾期升级、数据库备份等定时任务:运行记录、失败原因、立即运行、暂停和修改计划。',
      en: 'Jobs that make revisit, reminder and solicitation tasks every day, escalate overdue tasks and back up the database: their runs, failures, run now, pause and schedule.',
    },
    component: lazyScreen(() => import('./SchedulerScreen'), 'SchedulerScreen'),
  },
});
