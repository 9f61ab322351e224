import { defineScreens, lazyScreen } from '../../shell/screen-kit';
import { SCHEDULER_SCREEN_TEXTS } from './screen-texts';

/** The screens this feature adds to the menu: place, title, description, component (loaded when first opened), who sees it. */
export const schedulerScreens = defineScreens({
  'admin.scheduler': {
    order: 60,
    title: SCHEDULER_SCREEN_TEXTS.pair('admin.scheduler.title'),
    description: SCHEDULER_SCREEN_TEXTS.pair('admin.scheduler.description'),
    component: lazyScreen(() => import('./SchedulerScreen'), 'SchedulerScreen'),
  },
});
