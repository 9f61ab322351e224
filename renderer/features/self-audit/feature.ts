import { defineFeature } from '../../shell/screen-kit';
import { selfAuditScreens } from './screens';
import { SELF_AUDIT_TEXTS } from './texts';

/** What this feature adds to the renderer: its menu screens and its texts under their prefixes (t('<prefix><key>')). */
export const selfAuditFeature = defineFeature({ screens: selfAuditScreens, texts: [['selfAudit.', SELF_AUDIT_TEXTS]] });
