import { defineFeature } from '../../shell/screen-kit';
import { smsScreens } from './screens';
import { SMS_TEXTS } from './texts';

/** What this feature adds to the renderer: its menu screens and its texts under their prefixes (t('<prefix><key>')). */
export const smsFeature = defineFeature({ screens: smsScreens, texts: [['sms.', SMS_TEXTS]] });
