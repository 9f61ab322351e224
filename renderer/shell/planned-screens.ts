import { defineScreens } from './screen-kit';

/**
 * Menu entries of DS-CRM that a later version builds: the menu shows them with an honest
 * placeholder (what the screen will do). A feature that builds one registers it itself and the
 * entry goes from here.
 */
export const plannedScreens = defineScreens({
  'analysis.kpis': {
    order: 10,
    title: { zh: '关键指标', en: 'Key indicators' },
    description: {
      zh: '集客量、留档率、成交率、回访成功率等关键指标,按日、周、月统计。',
      en: 'Showroom traffic, registration rate, closing rate, revisit success rate and other indicators per day, week and month.',
    },
  },
});
