import { defineScreens, lazyScreen } from '../../shell/screen-kit';
import { IMPORT_SCREEN_TEXTS } from './screen-texts';

/** 数据导入 in the 系统管理 menu, administrators only (the server refuses everyone else too). */
export const dataImportScreens = defineScreens({
  'admin.import': {
    order: 45,
    title: IMPORT_SCREEN_TEXTS.pair('admin.import.title'),
    description: IMPORT_SCREEN_TEXTS.pair('admin.import.description'),
    component: lazyScreen(() => import('./ImportScreen'), 'ImportScreen'),
    roles: ['admin'],
  },
});
