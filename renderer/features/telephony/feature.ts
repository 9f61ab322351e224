import { defineFeature } from '../../shell/screen-kit';
import { telephonyScreens } from './screens';
import { TELEPHONY_TEXTS } from './texts';

/** What this feature adds to the renderer: its menu screens and its texts under their prefixes (t('<prefix><key>')). */
export const telephonyFeature = defineFeature({ screens: telephonyScreens, texts: [['tel.', TELEPHONY_TEXTS]] });
