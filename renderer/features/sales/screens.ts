import { defineScreens, lazyScreen } from '../../shell/screen-kit';
import { SALES_ROLES } from '../../../electron/common/roles';
import { SALES_SCREEN_TEXTS } from './screen-texts';

/** The screens this feature adds to the menu: place, title, description, component (loaded when first opened), who sees it. */
export const salesScreens = defineScreens({
  'sales.showroomTraffic': {
    order: 10,
    title: SALES_SCREEN_TEXTS.pair('sales.showroomTraffic.title'),
    description: SALES_SCREEN_TEXTS.pair('sales.showroomTraffic.description'),
    component: lazyScreen(() => import('./showroom/ShowroomTrafficScreen'), 'ShowroomTrafficScreen'),
  },
  'sales.prospects': {
    order: 20,
    title: SALES_SCREEN_TEXTS.pair('sales.prospects.title'),
    description: SALES_SCREEN_TEXTS.pair('sales.prospects.description'),
    component: lazyScreen(() => import('./opportunities/ProspectsScreen'), 'ProspectsScreen'),
  },
  'sales.followUpPlans': {
    order: 30,
    title: SALES_SCREEN_TEXTS.pair('sales.followUpPlans.title'),
    description: SALES_SCREEN_TEXTS.pair('sales.followUpPlans.description'),
    component: lazyScreen(() => import('./activities/FollowUpPlansScreen'), 'FollowUpPlansScreen'),
  },
  'sales.funnel': {
    order: 50,
    title: SALES_SCREEN_TEXTS.pair('sales.funnel.title'),
    description: SALES_SCREEN_TEXTS.pair('sales.funnel.description'),
    component: lazyScreen(() => import('./analysis/FunnelScreen'), 'FunnelScreen'),
  },
  'sales.birthdays': {
    order: 60,
    title: SALES_SCREEN_TEXTS.pair('sales.birthdays.title'),
    description: SALES_SCREEN_TEXTS.pair('sales.birthdays.description'),
    component: lazyScreen(() => import('./analysis/BirthdaysScreen'), 'BirthdaysScreen'),
  },
  'analysis.funnel': {
    order: 20,
    title: SALES_SCREEN_TEXTS.pair('analysis.funnel.title'),
    description: SALES_SCREEN_TEXTS.pair('analysis.funnel.description'),
    component: lazyScreen(() => import('./analysis/FunnelScreen'), 'FunnelAnalysisScreen'),
    roles: SALES_ROLES,
  },
  'analysis.salesReview': {
    order: 30,
    title: SALES_SCREEN_TEXTS.pair('analysis.salesReview.title'),
    description: SALES_SCREEN_TEXTS.pair('analysis.salesReview.description'),
    component: lazyScreen(() => import('./analysis/SalesReviewScreen'), 'SalesReviewScreen'),
    permission: 'customers.reassign',
  },
});
