import { smsEn } from '../features/sms/texts';
import { telEn } from '../features/telephony/texts';
import { seatsEn } from '../features/admin/seats/texts';
import { staleEn } from '../ui/stale-texts';
import { seatModeEn } from '../features/seat-mode/texts';
import { lanEn } from '../features/admin/lan-texts';
import { dictsEn } from '../features/dictionaries/texts';
import { analysisEn } from '../features/analysis/texts';
import { customerEn } from '../features/customers/texts';
import { oppEn } from '../features/sales/opportunities/texts';
import { showroomEn } from '../features/sales/showroom/texts';
import { actEn } from '../features/sales/activities/texts';
import { saEn } from '../features/sales/analysis/texts';
import { rvEn } from '../features/service/revisits/texts';
import { cwEn } from '../features/service/workbench/texts';
import { careEn } from '../features/service/surveys/texts';
import { solEn } from '../features/service/solicitation/texts';
import { remEn } from '../features/service/reminders/texts';
import { apEn } from '../features/service/appointments/texts';
import { tpEn } from '../features/service/taskpool/texts';
import { gridEn, scopeEn } from '../ui/grid/texts';
import { settingsEn, auditEn, usersEn } from '../features/admin/texts';
import { withPrefix } from './prefix';
import { screenTexts } from './screen-texts';
import type { MessageKey } from './zh-CN';

/** English: every key of the zh-CN dictionary, with the same {placeholders}. */
export const en: Record<MessageKey, string> = {
  // Menu titles and descriptions ('nav.<screen>', 'desc.<screen>') live with each feature's screens.ts.
  ...screenTexts('en'),
  ...withPrefix('tel.', telEn),
  ...lanEn,
  ...withPrefix('sms.', smsEn),
  ...withPrefix('seatMode.', seatModeEn),
  ...withPrefix('seats.', seatsEn),
  ...withPrefix('stale.', staleEn),
  ...withPrefix('dicts.', dictsEn),
  ...withPrefix('an.', analysisEn),
  ...withPrefix('customer.', customerEn),
  ...withPrefix('opp.', oppEn),
  ...withPrefix('showroom.', showroomEn),
  ...withPrefix('act.', actEn),
  ...withPrefix('sa.', saEn),
  ...withPrefix('rv.', rvEn),
  ...withPrefix('cw.', cwEn),
  ...withPrefix('care.', careEn),
  ...withPrefix('sol.', solEn),
  ...withPrefix('rem.', remEn),
  ...withPrefix('ap.', apEn),
  ...withPrefix('tp.', tpEn),
  ...withPrefix('grid.', gridEn),
  ...withPrefix('scope.', scopeEn),
  ...withPrefix('settings.', settingsEn),
  ...withPrefix('audit.', auditEn),
  ...withPrefix('users.', usersEn),
  'app.name': 'DS-CRM',
  'app.title': 'DS-CRM Dealer Customer Relationship Management',
  'app.subtitle': 'FAW-Volkswagen dealer CRM',
  'app.loading': 'Loading…',

  'lang.label': 'Language',
  'lang.zh-CN': '中文',
  'lang.en': 'English',

  'common.ok': 'OK',
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.refresh': 'Refresh',
  'common.loading': 'Loading…',
  'common.copy': 'Copy',
  'common.copied': 'Copied to the clipboard',
  'common.copyFailed': 'The clipboard is not available; please write it down',
  'common.required': 'Please fill this in',

  'error.network': 'Cannot reach the DS-CRM service. Check that the program is running and try again.',
  'error.unexpected': 'Unexpected error: {message}',

  'login.title': 'Log in',
  'login.username': 'User name',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.busy': 'Logging in…',
  'login.rule': 'Five wrong passwords in a row lock the account for 5 minutes',
  'login.notice.loggedOut': 'You have logged out',
  'login.notice.endedElsewhere': 'You were logged out in another window',
  'login.notice.expired': 'Your session has expired. Please log in again.',
  'login.notice.passwordReset': 'An administrator reset your password. Log in with the one-time password they give you.',
  'login.notice.passwordChanged': 'Your password was changed in another window. Log in with the new password.',

  'password.title': 'Change password',
  'password.forced': 'At the first login, or after a password reset, you must change your password before continuing.',
  'password.old': 'Current password',
  'password.new': 'New password',
  'password.repeat': 'Repeat new password',
  'password.rule': 'At least 8 characters: at least 2 letters and at least 2 digits or symbols, at least 5 different characters, not containing your user name, none of your last 3 passwords',
  'password.user': 'User: {name}',
  'password.mismatch': 'The two new passwords differ',
  'password.submit': 'Change password',
  'password.cancel': 'Log out',
  'password.changed': 'Your password was changed',

  'lock.title': 'The program is locked',
  'lock.who': 'Locked by {name}',
  'lock.intro': 'Enter your password to unlock; you return to where you were.',
  'lock.password': 'Password',
  'lock.unlock': 'Unlock',
  'lock.switchUser': 'Log out and switch user',
  'lock.switchHint': 'Unsaved work is lost when you log out',

  'shell.nav': 'Navigation',
  'shell.tabs': 'Open screens',
  'shell.closeTab': 'Close “{name}”',
  'shell.home.title': 'Welcome, {name}',
  'shell.home.body': 'Choose a function in the navigation tree on the left. Open functions appear as tabs you can switch between or close.',
  'shell.home.shortcuts': 'Shortcuts: Ctrl+L locks the program; in the tree, arrow keys move and Enter opens.',
  'shell.lock': 'Lock',
  'shell.lockShortcut': 'Ctrl+L',
  'shell.logout': 'Log out',
  'shell.dataDamaged': 'The database is damaged: changes are no longer saved so nothing more is lost (reading still works). Ask the administrator to restore a backup, from: {backupsDir}',
  'shell.softphone': 'Softphone: not configured',
  'shell.role': 'Role: {role}',
  'shell.placeholder.title': 'This module comes in a later version',
  'shell.placeholder.what': 'What it will do',

  'module.sales': 'Sales',
  'module.service': 'Customer service',
  'module.callCenter': 'Call centre',
  'module.sms': 'SMS',
  'module.analysis': 'Analysis',
  'module.admin': 'Administration',

  // opp.* — 潜在客户 / opportunities (renderer/features/sales/opportunities)
};
