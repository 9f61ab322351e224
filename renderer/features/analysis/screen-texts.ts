import { defineTexts } from '../../../electron/common/i18n/texts';

/** The menu entries of the analysis feature's screens (zh-CN first); read with .pair() in screens.ts. */
export const ANALYSIS_SCREEN_TEXTS = defineTexts({
  'traffic.title': { 'zh-CN': '集客分析', en: 'Traffic analysis' },
  'traffic.description': {
    'zh-CN': '展厅集客量(登记来访与未留档)按日、时段、客户来源、意向车型、所在城市、年龄段和首次/再次来店统计,与上期或去年同期对比;每个数字可查看明细。',
    en: 'Showroom traffic (registered visits and walk-ins) by day, hour, source, model of interest, city, age band and first / return visit, against the previous period or last year; every number opens its records.',
  },
});
