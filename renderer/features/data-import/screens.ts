import { defineScreens, lazyScreen } from '../../shell/screen-kit';
import { IMPORT_SCREEN_TEXTS } from './screen-texts';

const screen = {
  title: IMPORT_SCREEN_TEXTS.pair('import.menu.title'),
  description: IMPORT_SCREEN_TEXTS.pair('import.menu.description'),
  component: lazyScreen(() => import('./ImportScreen'), 'ImportScreen'),
};

/**
 * 数据导入: under 系统管理 for the administrator, under 销售管理 for the sales manager and the general
 * manager, under 客户服务 for the service manager (whose menu has no 销售管理). One screen; the kinds it
 * offers and the imports it lists are the user's (IMPORT_KINDS_OF_ROLE; the server holds to them).
 */
export const dataImportScreens = defineScreens({
  'admin.import': { ...screen, order: 45, roles: ['admin'] },
  'sales.import': { ...screen, order: 97, roles: ['salesManager', 'generalManager'] },
  'service.import': { ...screen, order: 107, roles: ['serviceManager'] },
});
