import { enumPairs } from './i18n/enum-options';
import { ROLE_NAME } from './roles-texts';

/** Roles, their modules in the navigation tree, and their default permissions. Shared by both sides. */
export const ROLES = [
  'salesConsultant',
  'salesManager',
  'serviceAgent',
  'serviceManager',
  'serviceAdvisor',
  'generalManager',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, { zh: string; en: string }> = enumPairs(ROLE_NAME);

/** Top-level modules of the DS-CRM menu. */
export const MODULES = ['sales', 'service', 'callCenter', 'sms', 'analysis', 'admin'] as const;
export type ModuleCode = (typeof MODULES)[number];

export const ROLE_MODULES: Record<Role, readonly ModuleCode[]> = {
  salesConsultant: ['sales', 'callCenter', 'sms'],
  salesManager: ['sales', 'callCenter', 'sms', 'analysis'],
  serviceAgent: ['service', 'callCenter', 'sms'],
  serviceManager: ['service', 'callCenter', 'sms', 'analysis'],
  serviceAdvisor: ['service', 'callCenter'],
  generalManager: ['sales', 'service', 'callCenter', 'sms', 'analysis'],
  admin: ['sales', 'service', 'callCenter', 'sms', 'analysis', 'admin'],
};

/** The roles whose navigation has a module: the roles of that module's screens (and of their API methods). */
export const rolesWithModule = (m: ModuleCode): readonly Role[] => ROLES.filter((r) => ROLE_MODULES[r].includes(m));

/** Permissions that are granted per role and may be overridden (revoked or granted) per user. */
export const PERMISSIONS = ['export', 'customers.viewAll', 'customers.reassign', 'recordings.play', 'recordings.export', 'sms.send', 'users.manage'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * The permissions 权限管理 grants or revokes per user. 'users.manage' is not one of them: 系统管理's screens
 * are the admin role's (their methods are for that role), so granting it elsewhere would change nothing.
 */
export const USER_PERMISSIONS = PERMISSIONS.filter((p): p is Exclude<Permission, 'users.manage'> => p !== 'users.manage');
export type UserPermission = (typeof USER_PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  salesConsultant: ['sms.send'],
  salesManager: ['export', 'customers.viewAll', 'customers.reassign', 'recordings.play', 'sms.send'],
  serviceAgent: ['sms.send', 'customers.viewAll'],
  serviceManager: ['export', 'customers.viewAll', 'recordings.play', 'recordings.export', 'sms.send'],
  serviceAdvisor: ['customers.viewAll'],
  generalManager: ['export', 'customers.viewAll', 'customers.reassign', 'recordings.play', 'recordings.export', 'sms.send'],
  admin: ['export', 'customers.viewAll', 'customers.reassign', 'recordings.play', 'recordings.export', 'sms.send', 'users.manage'],
};

export const MANAGER_ROLES: readonly Role[] = ['salesManager', 'serviceManager', 'generalManager', 'admin'];

/**
 * Who works with sales data (opportunities, activities, the funnel), and who manages the
 * customer-service floor. Kept here, free of zod, because the menu's screen registrations need
 * them in the renderer's first chunk: taken from the contract files they pulled zod and the whole
 * contract into it (152 → 236 KB).
 */
export const SALES_ROLES: readonly Role[] = ['salesConsultant', 'salesManager', 'generalManager', 'admin'];
export const WORKBENCH_MANAGER_ROLES: readonly Role[] = ['serviceManager', 'generalManager', 'admin'];
/** 作业模式 (the preview dialer): who works down their task queues (the menu reads it without the contract). */
export const DIALER_ROLES: readonly Role[] = ['serviceAgent', 'serviceManager'];
