import { defineFeature } from '../../shell/screen-kit';
import { adminScreens } from './screens';
import { LAN_TEXTS } from './lan-texts';
import { SEATS_TEXTS } from './seats/texts';
import { SETTINGS_TEXTS } from './settings-texts';
import { AUDIT_TEXTS } from './audit-texts';
import { USERS_TEXTS } from './users-texts';

/** What this feature adds to the renderer: its menu screens and its texts under their prefixes (the LAN host's keys are written in full: settings.lan.…, audit.…). */
export const adminFeature = defineFeature({ screens: adminScreens, texts: [['', LAN_TEXTS], ['seats.', SEATS_TEXTS], ['settings.', SETTINGS_TEXTS], ['audit.', AUDIT_TEXTS], ['users.', USERS_TEXTS]] });
