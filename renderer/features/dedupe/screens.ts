import { defineScreens, lazyScreen } from '../../shell/screen-kit';
import { DEDUPE_SCREEN_TEXTS } from './screen-texts';

const screen = {
  title: DEDUPE_SCREEN_TEXTS.pair('dedupe.menu.title'),
  description: DEDUPE_SCREEN_TEXTS.pair('dedupe.menu.description'),
  component: lazyScreen(() => import('./DedupeScreen'), 'DedupeScreen'),
};

/**
 * 客户去重 for the managers (the server's dedupe.* methods): under 销售管理 for the sales manager,
 * the general manager and the administrator, under 客户服务 for the service manager, whose menu
 * has no 销售管理. One screen, two menu entries.
 */
export const dedupeScreens = defineScreens({
  'sales.dedupe': { ...screen, order: 95, roles: ['salesManager', 'generalManager', 'admin'] },
  'service.dedupe': { ...screen, order: 105, roles: ['serviceManager'] },
});
