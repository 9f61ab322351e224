import { defineTexts } from '../../electron/common/i18n/texts';

/** The menu entries still to come (zh-CN first): title and description per screen id, read with .pair() in planned-screens.ts. */
export const PLANNED_SCREEN_TEXTS = defineTexts({
  'analysis.kpis.title': { 'zh-CN': '关键指标', en: 'Key indicators' },
  'analysis.kpis.description': { 'zh-CN': '集客量、留档率、成交率、回访成功率等关键指标,按日、周、月统计。', en: 'Showroom traffic, registration rate, closing rate, revisit success rate and other indicators per day, week and month.' },
});
