import { defineTexts } from '../../../electron/common/i18n/texts';

/** The menu entry of 备份与恢复 (zh-CN first), read with .pair() in screens.ts. */
export const BACKUP_SCREEN_TEXTS = defineTexts({
  'admin.backup.title': { 'zh-CN': '备份与恢复', en: 'Backup and restore' },
  'admin.backup.description': {
    'zh-CN': '数据库每晚自动备份到指定文件夹(另一块硬盘、U 盘或网络共享),校验后按日/周/月保留;也可立即备份。',
    en: 'The database is backed up every night into a folder you choose (another disk, a USB drive, a network share), verified and kept by day, week and month; or back up now.',
  },
});
