import { defineFeature } from '../../shell/screen-kit';
import { dataImportScreens } from './screens';
import { IMPORT_TEXTS } from './texts';

/** What this feature adds to the renderer: 系统管理 → 数据导入 and its texts under 'import.'. */
export const dataImportFeature = defineFeature({ screens: dataImportScreens, texts: [['import.', IMPORT_TEXTS]] });
