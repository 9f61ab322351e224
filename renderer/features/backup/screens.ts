import { defineScreens, lazyScreen } from '../../shell/screen-kit';
import { BACKUP_SCREEN_TEXTS } from './screen-texts';

/** 备份与恢复 in the 系统管理 menu, administrators only (the server refuses everyone else too). */
export const backupScreens = defineScreens({
  'admin.backup': {
    order: 47,
    title: BACKUP_SCREEN_TEXTS.pair('admin.backup.title'),
    description: BACKUP_SCREEN_TEXTS.pair('admin.backup.description'),
    component: lazyScreen(() => import('./BackupScreen'), 'BackupScreen'),
    roles: ['admin'],
  },
});
