import { and, eq } from 'drizzle-orm';
import type { UserPermissions } from '../../../common/api/admin';
import { ROLE_MODULES, USER_PERMISSIONS, type Role, type UserPermission } from '../../../common/roles';
import { isGrantable, moduleOfKey, MODULE_KEYS, type ModuleKey } from '../../../common/module-access';
import { rolePermissions, userPermissions, users } from '../../../../db/schema';
import { AppError } from '../../errors';
import type { Core } from '../../core';
import { writeAudit } from './audit';

type Override = 'grant' | 'revoke';

/**
 * 权限管理 (DS-CRM: 模块功能自由分配; 导出数据 revocable "出于数据安全考虑"): a user's role gives the
 * defaults, and the admin grants or revokes single permissions — and whole modules (module.sales …)
 * — for that user. The overrides live in user_permissions, which AuthService reads on every call
 * (hasPermission, moduleOverrides) — a change holds from the user's next request, on every seat,
 * without logging them out.
 */
export class UserPermissionsService {
  constructor(private core: Pick<Core, 'db' | 'clock'>) {}

  private userRole(userId: number): Role {
    const u = this.core.db.select({ role: users.role }).from(users).where(eq(users.id, userId)).get();
    if (!u) throw new AppError('NOT_FOUND');
    return u.role as Role;
  }

  private overrides(userId: number): Map<string, Override> {
    const rows = this.core.db.select().from(userPermissions).where(eq(userPermissions.userId, userId)).all();
    return new Map(rows.map((r) => [r.permission, r.granted ? 'grant' : 'revoke']));
  }

  get(userId: number): UserPermissions {
    const role = this.userRole(userId);
    const defaults = new Set(this.core.db.select({ p: rolePermissions.permission }).from(rolePermissions).where(eq(rolePermissions.role, role)).all().map((r) => r.p));
    const own = this.overrides(userId);
    return {
      userId,
      role,
      rows: [...MODULE_KEYS, ...USER_PERMISSIONS].map((permission) => {
        const m = moduleOfKey(permission);
        const roleDefault = m ? ROLE_MODULES[role].includes(m) : defaults.has(permission);
        const override = own.get(permission) ?? null;
        return { permission, roleDefault, override, effective: override === null ? roleDefault : override === 'grant', grantable: m ? isGrantable(m) : true };
      }),
    };
  }

  /** Replaces the user's overrides with `wanted` (one transaction); each permission whose override changes is one audit row. */
  set(actorId: number, userId: number, wanted: Partial<Record<UserPermission | ModuleKey, Override>>): UserPermissions {
    const current = this.get(userId);
    // A module only managers work in (决策分析) cannot be given: its figures are scoped to a manager's teams.
    const notGrantable = current.rows.filter((r) => !r.grantable && !r.roleDefault && wanted[r.permission] === 'grant');
    if (notGrantable.length) throw new AppError('INVALID_INPUT', { issues: `not grantable: ${notGrantable.map((r) => r.permission).join(', ')}` });
    this.core.db.transaction((tx) => {
      for (const row of current.rows) {
        let next: Override | null = wanted[row.permission] ?? null;
        // An override that says what the role already says is no override: the user follows the role.
        if ((next === 'grant' && row.roleDefault) || (next === 'revoke' && !row.roleDefault)) next = null;
        if (next === row.override) continue;
        tx.delete(userPermissions)
          .where(and(eq(userPermissions.userId, userId), eq(userPermissions.permission, row.permission)))
          .run();
        if (next !== null) tx.insert(userPermissions).values({ userId, permission: row.permission, granted: next === 'grant' }).run();
        writeAudit(tx, this.core.clock, {
          userId: actorId,
          action: 'permission',
          entity: 'user',
          entityId: userId,
          before: { permission: row.permission, override: row.override, effective: row.effective },
          after: { permission: row.permission, override: next, effective: next === null ? row.roleDefault : next === 'grant' },
        });
      }
    });
    return this.get(userId);
  }
}
