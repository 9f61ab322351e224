import { defineFeature } from '../../shell/screen-kit';
import { analysisScreens } from './screens';
import { SALES_SCREEN_TEXTS } from './sales-texts';
import { AFTERSALES_TEXTS } from './aftersales-texts';
import { CALLS_TEXTS } from './calls-texts';
import { ANALYSIS_TEXTS } from './texts';
import { MONTHLY_TEXTS } from '../../../electron/common/api/analysis-monthly-texts';
import { MONTHLY_SCREEN_TEXTS } from './monthly-texts';

/** What this feature adds to the renderer: its menu screens and its texts under their prefixes (t('<prefix><key>')). */
export const analysisFeature = defineFeature({ screens: analysisScreens, texts: [['an.', ANALYSIS_TEXTS], ['ans.', SALES_SCREEN_TEXTS], ['ana.', AFTERSALES_TEXTS], ['anc.', CALLS_TEXTS], ['anm.', MONTHLY_TEXTS], ['anms.', MONTHLY_SCREEN_TEXTS]] });
