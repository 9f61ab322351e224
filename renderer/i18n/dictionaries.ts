/**
 * The UI dictionaries, zh-CN (the source language) and English, made from every feature's texts
 * table under its prefix: `t('sms.title')` reads SMS_TEXTS' title. A new feature adds its table here.
 */
import { STALE_TEXTS } from '../ui/stale-texts';
import { GRID_TEXTS } from '../ui/grid/texts';
import { SCOPE_TEXTS } from '../ui/grid/scope-texts';
import { SHELL_TEXTS } from '../shell/texts';
import { SMS_TEXTS } from '../features/sms/texts';
import { TELEPHONY_TEXTS } from '../features/telephony/texts';
import { SEATS_TEXTS } from '../features/admin/seats/texts';
import { SEAT_MODE_TEXTS } from '../features/seat-mode/texts';
import { LAN_TEXTS } from '../features/admin/lan-texts';
import { DICTIONARY_TEXTS } from '../features/dictionaries/texts';
import { ANALYSIS_TEXTS } from '../features/analysis/texts';
import { SELF_AUDIT_TEXTS } from '../features/self-audit/texts';
import { CUSTOMER_TEXTS } from '../features/customers/texts';
import { OPPORTUNITY_TEXTS } from '../features/sales/opportunities/texts';
import { SHOWROOM_TEXTS } from '../features/sales/showroom/texts';
import { ACTIVITY_TEXTS } from '../features/sales/activities/texts';
import { SALES_ANALYSIS_TEXTS } from '../features/sales/analysis/texts';
import { REVISIT_TEXTS } from '../features/service/revisits/texts';
import { WORKBENCH_TEXTS } from '../features/service/workbench/texts';
import { SURVEY_TEXTS } from '../features/service/surveys/texts';
import { SOLICITATION_TEXTS } from '../features/service/solicitation/texts';
import { REMINDER_TEXTS } from '../features/service/reminders/texts';
import { APPOINTMENT_TEXTS } from '../features/service/appointments/texts';
import { TASKPOOL_TEXTS } from '../features/service/taskpool/texts';
import { SETTINGS_TEXTS } from '../features/admin/settings-texts';
import { AUDIT_TEXTS } from '../features/admin/audit-texts';
import { USERS_TEXTS } from '../features/admin/users-texts';
import { dictionariesFrom } from './from-tables';
import { screenTexts } from './screen-texts';

const DICTIONARIES = dictionariesFrom([
  // Menu titles and descriptions ('nav.<screen>', 'desc.<screen>') live with each feature's screens.ts.
  ['', screenTexts()],
  ['tel.', TELEPHONY_TEXTS],
  // The LAN host's keys are written in full (settings.lan.…, audit.…).
  ['', LAN_TEXTS],
  ['sms.', SMS_TEXTS],
  ['seatMode.', SEAT_MODE_TEXTS],
  ['seats.', SEATS_TEXTS],
  ['stale.', STALE_TEXTS],
  ['dicts.', DICTIONARY_TEXTS],
  ['an.', ANALYSIS_TEXTS],
  ['selfAudit.', SELF_AUDIT_TEXTS],
  ['customer.', CUSTOMER_TEXTS],
  ['opp.', OPPORTUNITY_TEXTS],
  ['showroom.', SHOWROOM_TEXTS],
  ['act.', ACTIVITY_TEXTS],
  ['sa.', SALES_ANALYSIS_TEXTS],
  ['rv.', REVISIT_TEXTS],
  ['cw.', WORKBENCH_TEXTS],
  ['care.', SURVEY_TEXTS],
  ['sol.', SOLICITATION_TEXTS],
  ['rem.', REMINDER_TEXTS],
  ['ap.', APPOINTMENT_TEXTS],
  ['tp.', TASKPOOL_TEXTS],
  ['grid.', GRID_TEXTS],
  ['scope.', SCOPE_TEXTS],
  ['settings.', SETTINGS_TEXTS],
  ['audit.', AUDIT_TEXTS],
  ['users.', USERS_TEXTS],
  ['', SHELL_TEXTS],
]);

/** Simplified Chinese: the first language of the UI and the source of the message keys. */
export const zhCN = DICTIONARIES['zh-CN'];
/** English: every key of the zh-CN dictionary, with the same {placeholders}. */
export const en = DICTIONARIES.en;

export type MessageKey = keyof typeof zhCN;
