import { defineFeature } from '../../shell/screen-kit';
import { schedulerScreens } from './screens';

/** What this feature adds to the renderer: its menu screens and its texts under their prefixes (t('<prefix><key>')). */
export const schedulerFeature = defineFeature({ screens: schedulerScreens, texts: [] });
