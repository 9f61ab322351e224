import { SALES_ROLES } from '../../electron/common/api/sales';
import { WORKBENCH_MANAGER_ROLES } from '../../electron/common/api/workbench';
import { MODULES, type ModuleCode, type Permission, type Role } from '../../electron/common/roles';
import type { MessageKey } from '../i18n';

/** The DS-CRM menu: each top-level module and its screens, in the original order. */
export const MODULE_SCREENS = {
  sales: ['showroomTraffic', 'prospects', 'followUpPlans', 'myCustomers', 'funnel', 'birthdays'],
  service: ['workbench', 'customerQuery', 'salesRevisits', 'repairRevisits', 'reminders', 'appointments', 'complaints', 'solicitation', 'surveys', 'taskPool'],
  callCenter: ['softphone', 'callLog', 'recordings'],
  sms: ['send', 'templates', 'history'],
  analysis: ['kpis', 'funnel', 'salesReview'],
  admin: ['users', 'seats', 'audit', 'settings', 'dictionaries', 'scheduler'],
} as const satisfies Record<ModuleCode, readonly string[]>;

type Screens = typeof MODULE_SCREENS;
/** A screen's id: `<module>.<screen>`, e.g. `admin.users`. */
export type ScreenId = { [M in ModuleCode]: `${M}.${Screens[M][number]}` }[ModuleCode];

/** Screens shown only to users with a permission (the server enforces it as well). */
export const SCREEN_PERMISSION: Partial<Record<ScreenId, Permission>> = {
  'service.customerQuery': 'customers.viewAll',
  // Sales managers' review lists: the reassign right marks the sales managers (not customer-service managers).
  'analysis.salesReview': 'customers.reassign',
};

/** Screens shown only to some roles (the server's method access says the same). */
export const SCREEN_ROLES: Partial<Record<ScreenId, readonly Role[]>> = {
  'service.taskPool': WORKBENCH_MANAGER_ROLES,
  // 漏斗分析 reads sales data (sales.funnel.get is SALES_ROLES): not for customer-service managers.
  'analysis.funnel': SALES_ROLES,
};

export const ALL_SCREENS: readonly ScreenId[] = MODULES.flatMap((m) => MODULE_SCREENS[m].map((s) => `${m}.${s}` as ScreenId));

export function moduleOf(id: ScreenId): ModuleCode {
  return id.slice(0, id.indexOf('.')) as ModuleCode;
}

export function isScreenId(v: unknown): v is ScreenId {
  return typeof v === 'string' && (ALL_SCREENS as readonly string[]).includes(v);
}

// The dictionaries must name every module and screen (checked by the compiler).
export const moduleLabelKey = (m: ModuleCode): MessageKey => `module.${m}`;
export const screenLabelKey = (id: ScreenId): MessageKey => `nav.${id}`;
export const screenDescriptionKey = (id: ScreenId): MessageKey => `desc.${id}`;
