import { defineScreens, lazyScreen } from '../../shell/screen-kit';
import { ADMIN_SCREEN_TEXTS } from './screen-texts';

/** The screens this feature adds to the menu: place, title, description, component (loaded when first opened), who sees it. */
export const adminScreens = defineScreens({
  'admin.users': {
    order: 10,
    title: ADMIN_SCREEN_TEXTS.pair('admin.users.title'),
    description: ADMIN_SCREEN_TEXTS.pair('admin.users.description'),
    component: lazyScreen(() => import('./UsersScreen'), 'UsersScreen'),
  },
  'admin.seats': {
    order: 20,
    title: ADMIN_SCREEN_TEXTS.pair('admin.seats.title'),
    description: ADMIN_SCREEN_TEXTS.pair('admin.seats.description'),
    component: lazyScreen(() => import('./seats/SeatsScreen'), 'SeatsScreen'),
  },
  'admin.audit': {
    order: 30,
    title: ADMIN_SCREEN_TEXTS.pair('admin.audit.title'),
    description: ADMIN_SCREEN_TEXTS.pair('admin.audit.description'),
    component: lazyScreen(() => import('./AuditScreen'), 'AuditScreen'),
  },
  'admin.settings': {
    order: 40,
    title: ADMIN_SCREEN_TEXTS.pair('admin.settings.title'),
    description: ADMIN_SCREEN_TEXTS.pair('admin.settings.description'),
    component: lazyScreen(() => import('./SettingsScreen'), 'SettingsScreen'),
  },
});
