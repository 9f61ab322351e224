import { MANAGER_ROLES } from '../../../electron/common/roles';
import { defineScreens, lazyScreen } from '../../shell/screen-kit';
import { RECONCILE_SCREEN_TEXTS } from './screen-texts';

/** 决策分析 → 厂家漏斗核对, beside 审核自查: the managers who answer the manufacturer's audit. */
export const reconcileScreens = defineScreens({
  'analysis.reconcile': {
    order: 35,
    title: RECONCILE_SCREEN_TEXTS.pair('reconcile.menu.title'),
    description: RECONCILE_SCREEN_TEXTS.pair('reconcile.menu.description'),
    component: lazyScreen(() => import('./ReconcileScreen'), 'ReconcileScreen'),
    roles: MANAGER_ROLES,
  },
});
