import { defineFeature } from '../../shell/screen-kit';
import { salesScreens } from './screens';
import { OPPORTUNITY_TEXTS } from './opportunities/texts';
import { SHOWROOM_TEXTS } from './showroom/texts';
import { ACTIVITY_TEXTS } from './activities/texts';
import { SALES_ANALYSIS_TEXTS } from './analysis/texts';

/** What this feature adds to the renderer: its menu screens and its texts under their prefixes (t('<prefix><key>')). */
export const salesFeature = defineFeature({ screens: salesScreens, texts: [['opp.', OPPORTUNITY_TEXTS], ['showroom.', SHOWROOM_TEXTS], ['act.', ACTIVITY_TEXTS], ['sa.', SALES_ANALYSIS_TEXTS]] });
