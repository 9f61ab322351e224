import { ROLE_MODULES, type ModuleCode, type Role } from './roles';

/**
 * 模块功能自由分配 (DS-CRM): besides the role's modules, the administrator may take a module away from
 * one user or give one to them. These are the modules that can be: 呼叫中心 is every role's (the
 * softphone and caller identification serve every screen) and 系统管理 is the administrator role's.
 */
export const USER_MODULES = ['sales', 'service', 'sms', 'analysis'] as const satisfies readonly ModuleCode[];
export type UserModule = (typeof USER_MODULES)[number];

/** How a module override is stored beside the permission overrides (user_permissions.permission). */
export const moduleKey = (m: UserModule) => `module.${m}` as const;
export type ModuleKey = ReturnType<typeof moduleKey>;
export const MODULE_KEYS: readonly ModuleKey[] = USER_MODULES.map(moduleKey);
export const moduleOfKey = (key: string): UserModule | null => (USER_MODULES as readonly string[]).includes(key.slice(7)) && key.startsWith('module.') ? (key.slice(7) as UserModule) : null;

/** The roles that do a module's everyday work (not its managers): what a user given the module may do. */
export const WORKER_ROLES: readonly Role[] = ['salesConsultant', 'serviceAgent', 'serviceAdvisor'];

/**
 * A module can be given to a user only when some everyday role has it: a grant lets the user do what
 * that role does there, seeing only the customers they may see. 决策分析 is managers' work only (its
 * figures are scoped to a manager's teams): it can be taken away, not given.
 */
export const isGrantable = (m: UserModule) => WORKER_ROLES.some((r) => ROLE_MODULES[r].includes(m));

/** Which module an API method belongs to, by its namespace; methods every module uses (客户, 字典, 电话 …) belong to none. */
const NAMESPACE_MODULE: Readonly<Record<string, UserModule>> = {
  opportunities: 'sales',
  deliveries: 'sales',
  intents: 'sales',
  showroom: 'sales',
  sales: 'sales',
  planTemplates: 'sales',
  review: 'sales',
  reminders: 'service',
  churn: 'service',
  vehicles: 'service',
  complaints: 'service',
  workbench: 'service',
  taskPool: 'service',
  appointments: 'service',
  solicitation: 'service',
  revisits: 'service',
  serviceVisits: 'service',
  surveys: 'service',
  // 作业模式 works the service tasks.
  dialer: 'service',
  sms: 'sms',
  analysis: 'analysis',
  selfAudit: 'analysis',
  reconcile: 'analysis',
};

export function methodModule(method: string): UserModule | null {
  return NAMESPACE_MODULE[method.slice(0, method.indexOf('.'))] ?? null;
}

/** A user's module overrides: given beyond the role, taken away from it. */
export interface ModuleOverrides {
  granted: readonly UserModule[];
  revoked: readonly UserModule[];
}

export const NO_OVERRIDES: ModuleOverrides = { granted: [], revoked: [] };

/** The modules a user has: the role's, less the ones taken away, with the ones given. */
export function effectiveModules(role: Role, o: ModuleOverrides): ModuleCode[] {
  const out = new Set<ModuleCode>(ROLE_MODULES[role]);
  for (const m of o.revoked) out.delete(m);
  for (const m of o.granted) if (isGrantable(m)) out.add(m);
  return [...out];
}

/**
 * Whether a user may call a method: a module taken away refuses its methods whatever the role says;
 * otherwise the method's roles decide, and a module given lets the user call what its everyday roles
 * may (never its managers' methods).
 */
export function mayCall(role: Role, o: ModuleOverrides, method: string, access: 'public' | 'session' | readonly Role[]): boolean {
  const m = methodModule(method);
  if (m && o.revoked.includes(m)) return false;
  if (access === 'public' || access === 'session' || access.includes(role)) return true;
  return m !== null && o.granted.includes(m) && isGrantable(m) && access.some((r) => WORKER_ROLES.includes(r) && ROLE_MODULES[r].includes(m));
}

/** A screen of a module in the menu: its roles, or — for a module given to the user — its everyday roles. */
export function mayOpenScreen(role: Role, o: ModuleOverrides, module: ModuleCode, roles: readonly Role[] | undefined): boolean {
  if ((o.revoked as readonly ModuleCode[]).includes(module)) return false;
  if (!roles || roles.includes(role)) return true;
  return (o.granted as readonly ModuleCode[]).includes(module) && roles.some((r) => WORKER_ROLES.includes(r) && ROLE_MODULES[r].includes(module));
}
