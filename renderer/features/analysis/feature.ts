import { defineFeature } from '../../shell/screen-kit';
import { analysisScreens } from './screens';
import { SALES_SCREEN_TEXTS } from './sales-texts';
import { ANALYSIS_TEXTS } from './texts';

/** What this feature adds to the renderer: its menu screens and its texts under their prefixes (t('<prefix><key>')). */
export const analysisFeature = defineFeature({ screens: analysisScreens, texts: [['an.', ANALYSIS_TEXTS], ['ans.', SALES_SCREEN_TEXTS]] });
