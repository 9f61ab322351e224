import { z } from 'zod';
import { method, returns } from './contract';
import { ROLES, USER_PERMISSIONS, type Role, type UserPermission } from '../roles';
import { MODULE_KEYS, type ModuleKey } from '../module-access';
import { AREA_CODE_RE } from '../phone/normalize';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  teamId: number | null;
  active: boolean;
  mustChangePassword: boolean;
  lockedUntil: number | null;
}

/** One permission of a user in 权限管理: the role's default, the user's own override, what holds. */
export interface UserPermissionRow {
  /** A permission, or a module (module.sales …: 模块功能自由分配). */
  permission: UserPermission | ModuleKey;
  roleDefault: boolean;
  /** 'grant' / 'revoke' set for this user; null = the role's default. */
  override: 'grant' | 'revoke' | null;
  effective: boolean;
  /** false: it cannot be given to this user (决策分析 is managers' work), only left as the role says. */
  grantable: boolean;
}

export interface UserPermissions {
  userId: number;
  role: Role;
  rows: UserPermissionRow[];
}

export interface AuditRow {
  id: number;
  at: number;
  userId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

const admin = ['admin'] as const;

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** Settings an administrator may change, with the ranges a dealership can sensibly use. */
export const settingsSchema = z.object({
  'security.idleLockMinutes': z.number().int().min(1).max(240),
  'security.sessionIdleHours': z.number().int().min(1).max(72),
  // Absolute session lifetime: even an active session logs in again after this many days.
  'security.sessionMaxDays': z.number().int().min(1).max(90),
  'security.maxFailedLogins': z.number().int().min(3).max(10),
  'security.loginLockMinutes': z.number().int().min(1).max(120),
  'dealer.name': z.string().trim().min(1).max(64),
  'dealer.timeZone': z.string().refine(isTimeZone, 'not a known time zone (e.g. Asia/Shanghai)'),
  'dealer.city': z.string().trim().min(1).max(20),
  'dealer.platePrefix': z.string().regex(/^[\u4e00-\u9fa5][A-Z]$/, 'a plate prefix like 粤B'),
  // Area code for local numbers without one (caller ID "62916000"): '' = the code of dealer.city.
  'dealer.areaCode': z.string().trim().refine((v) => v === '' || AREA_CODE_RE.test(v), 'an area code with its 0, e.g. 0411, or empty for the city\'s'),
  // Sales (issue 5): the follow-up planned when an opportunity is abandoned, as DS-CRM does (3–5 years).
  'sales.abandonFollowUpYears': z.number().int().min(3).max(5),
  // An open opportunity with no stage change for this many days is listed as stalled.
  'sales.stalledDays': z.number().int().min(7).max(180),
  // The hand-off of a deal to the DMS (小R3): a folder the DMS imports from ('' = <data folder>/dms-export).
  'dms.exportDir': z.string().trim().max(260),
  'dms.format': z.enum(['json', 'csv']),
  // Service appointments (issue 6): how many bookings one hourly slot takes.
  'service.appointmentSlotCapacity': z.number().int().min(1).max(50),
  // CSI / SSI (issue 6): a revisit scoring under this (0–100) opens a low-score follow-up.
  'service.lowScoreThreshold': z.number().int().min(1).max(100),
  // 话后处理: seconds after a call before the agent is 就绪 again on their own (they may extend it).
  'callCenter.wrapUpSeconds': z.number().int().min(0).max(600),
  // 作业模式 dials only within these hours of the dealer's day ('09:00-20:00'; a start after the end runs across midnight).
  // 监听: the PBX's listen-in code (FreeSWITCH eavesdrop / Asterisk ChanSpy dialplan, e.g. *33) the wall board dials before an agent's extension; '' = no 监听 button.
  'callCenter.monitorCode': z.string().trim().regex(/^([*#]\d{0,4})?$/, 'a code like *33, or empty'),
  'callCenter.callingHours': z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'hours like 09:00-20:00'),
  // Scheduler (issue 7): sales revisit days after delivery ('1,7,30') and how many daily backups to keep.
  'scheduler.salesRevisitDays': z.string().trim().regex(/^\d{1,3}(\s*,\s*\d{1,3}){0,9}$/, 'days after delivery, e.g. 1,7,30'),
  'scheduler.backupKeep': z.number().int().min(1).max(90),
  // 备份与恢复 (issue 18): where backups go ('' = <data folder>/backups: another disk, a USB drive or
  // a network share is better) and how many weekly and monthly ones are kept besides the daily ones.
  'backup.folder': z.string().trim().max(260),
  'backup.keepWeekly': z.number().int().min(0).max(52),
  'backup.keepMonthly': z.number().int().min(0).max(120),
  'telephony.recordingRetentionDays': z.number().int().min(0).max(3650),
  // 设为主机 (issue 15): this PC serves the LAN's seats over HTTPS on lan.port, from the next start on.
  'lan.enabled': z.boolean(),
  'lan.port': z.number().int().min(1024).max(65535),
  // Extra names seats reach the host by (a DNS name the router hands out), besides its own host name and addresses.
  'lan.hostNames': z
    .string()
    .trim()
    .max(500)
    .regex(/^[A-Za-z0-9.\-\s,;,;、]*$/, 'host names such as crm-host.dealer.lan, separated by commas'),
});
export type SettingsValues = z.infer<typeof settingsSchema>;

export const adminApi = {
  'admin.users.list': method({ input: z.object({}).strict(), access: admin, output: returns<UserRow[]>() }),
  /** Creates a user with a one-time password shown once; the first login must change it. */
  'admin.users.create': method({
    input: z.object({
      username: z.string().trim().min(2).max(64).regex(/^[A-Za-z0-9._-]+$/),
      displayName: z.string().trim().min(1).max(64),
      role: z.enum(ROLES),
      teamId: z.number().int().positive().nullable().optional(),
    }),
    access: admin,
    output: returns<{ user: UserRow; oneTimePassword: string }>(),
  }),
  'admin.users.resetPassword': method({
    input: z.object({ userId: z.number().int().positive() }),
    access: admin,
    output: returns<{ oneTimePassword: string }>(),
  }),
  /** 权限管理: a user's permissions — the role's defaults, their own grants and revocations, the effective set. */
  'admin.users.permissions.get': method({
    input: z.object({ userId: z.number().int().positive() }).strict(),
    access: admin,
    output: returns<UserPermissions>(),
  }),
  /**
   * Replaces a user's overrides (permissions left out follow the role again); an override equal to the
   * role's default is dropped. One transaction, each change audited; the server checks permissions on
   * every call, so it holds from the user's next request.
   */
  'admin.users.permissions.set': method({
    input: z
      .object({
        userId: z.number().int().positive(),
        overrides: z.partialRecord(z.enum([...USER_PERMISSIONS, ...MODULE_KEYS]), z.enum(['grant', 'revoke'])),
      })
      .strict(),
    access: admin,
    output: returns<UserPermissions>(),
  }),
  'admin.settings.get': method({ input: z.object({}).strict(), access: admin, output: returns<SettingsValues>() }),
  /** Changes some settings; each change is audited. Takes effect on the next request. */
  'admin.settings.update': method({ input: settingsSchema.partial().strict(), access: admin, output: returns<SettingsValues>() }),
  'admin.audit.list': method({
    input: z.object({
      entity: z.string().max(64).optional(),
      entityId: z.string().max(64).optional(),
      /** 审核自查 check 8 opens the log on its exports: the action, a period of dealer days, more rows than this. */
      action: z.string().max(32).optional(),
      from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD').optional(),
      to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD').optional(),
      minRows: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    access: ['admin', 'generalManager'],
    output: returns<AuditRow[]>(),
  }),
} as const;
