import { defineFeature } from '../../shell/screen-kit';
import { backupScreens } from './screens';
import { BACKUP_TEXTS } from './texts';

/** What this feature adds to the renderer: 系统管理 → 备份与恢复 and its texts under 'backup.'. */
export const backupFeature = defineFeature({ screens: backupScreens, texts: [['backup.', BACKUP_TEXTS]] });
