import { defineFeature } from '../../shell/screen-kit';
import { serviceScreens } from './screens';
import { REVISIT_TEXTS } from './revisits/texts';
import { WORKBENCH_TEXTS } from './workbench/texts';
import { SURVEY_TEXTS } from './surveys/texts';
import { SOLICITATION_TEXTS } from './solicitation/texts';
import { REMINDER_TEXTS } from './reminders/texts';
import { APPOINTMENT_TEXTS } from './appointments/texts';
import { TASKPOOL_TEXTS } from './taskpool/texts';

/** What this feature adds to the renderer: its menu screens and its texts under their prefixes (t('<prefix><key>')). */
export const serviceFeature = defineFeature({ screens: serviceScreens, texts: [['rv.', REVISIT_TEXTS], ['cw.', WORKBENCH_TEXTS], ['care.', SURVEY_TEXTS], ['sol.', SOLICITATION_TEXTS], ['rem.', REMINDER_TEXTS], ['ap.', APPOINTMENT_TEXTS], ['tp.', TASKPOOL_TEXTS]] });
