import { AFTERSALES_ROLES, CALLS_ROLES, MONTHLY_ROLES, TRAFFIC_ROLES } from '../../../electron/common/analysis/roles';
import { defineScreens, lazyScreen } from '../../shell/screen-kit';
import { ANALYSIS_SCREEN_TEXTS } from './screen-texts';

/** 决策分析's screens built by the analysis feature. */
export const analysisScreens = defineScreens({
  'analysis.traffic': {
    order: 15,
    title: ANALYSIS_SCREEN_TEXTS.pair('traffic.title'),
    description: ANALYSIS_SCREEN_TEXTS.pair('traffic.description'),
    component: lazyScreen(() => import('./TrafficScreen'), 'TrafficScreen'),
    roles: TRAFFIC_ROLES,
  },
  'analysis.sales': {
    order: 16,
    title: ANALYSIS_SCREEN_TEXTS.pair('sales.title'),
    description: ANALYSIS_SCREEN_TEXTS.pair('sales.description'),
    component: lazyScreen(() => import('./SalesScreen'), 'SalesScreen'),
    roles: TRAFFIC_ROLES,
  },
  'analysis.aftersales': {
    order: 17,
    title: ANALYSIS_SCREEN_TEXTS.pair('aftersales.title'),
    description: ANALYSIS_SCREEN_TEXTS.pair('aftersales.description'),
    component: lazyScreen(() => import('./AftersalesScreen'), 'AftersalesScreen'),
    roles: AFTERSALES_ROLES,
  },
  'analysis.calls': {
    order: 18,
    title: ANALYSIS_SCREEN_TEXTS.pair('calls.title'),
    description: ANALYSIS_SCREEN_TEXTS.pair('calls.description'),
    component: lazyScreen(() => import('./CallsScreen'), 'CallsScreen'),
    roles: CALLS_ROLES,
  },
  // 关键指标 kept its menu id when it was built, so saved layouts and menus still open it.
  'analysis.kpis': {
    order: 10,
    title: ANALYSIS_SCREEN_TEXTS.pair('kpis.title'),
    description: ANALYSIS_SCREEN_TEXTS.pair('kpis.description'),
    component: lazyScreen(() => import('./MonthlyScreen'), 'MonthlyScreen'),
    roles: MONTHLY_ROLES,
  },
});
