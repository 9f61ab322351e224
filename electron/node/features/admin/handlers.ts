import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { dayRangeMs } from '../../../common/dates';
import type { adminApi, UserRow } from '../../../common/api/admin';
import type { Role } from '../../../common/roles';
import { auditLog, users } from '../../../../db/schema';
import { me, type Handlers } from '../../handlers';
import { writeAudit } from './audit';
import { UserPermissionsService } from './user-permissions';
import type { SettingKey, SettingValue } from './settings';

const toUserRow = (u: typeof users.$inferSelect): UserRow => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role as Role,
  teamId: u.teamId,
  active: u.active,
  mustChangePassword: u.mustChangePassword,
  lockedUntil: u.lockedUntil,
});

export const adminHandlers: Handlers<typeof adminApi> = {
  'admin.users.list': (ctx) => ctx.core.db.select().from(users).orderBy(users.username).all().map(toUserRow),
  'admin.users.create': async (ctx, input) => {
    const { user, oneTimePassword } = await ctx.core.auth.createUser(me(ctx).user.id, input);
    return { user: toUserRow(user), oneTimePassword };
  },
  'admin.users.resetPassword': async (ctx, { userId }) => ({
    oneTimePassword: await ctx.core.auth.resetPassword(me(ctx).user.id, userId),
  }),
  'admin.users.permissions.get': (ctx, { userId }) => new UserPermissionsService(ctx.core).get(userId),
  'admin.users.permissions.set': (ctx, { userId, overrides }) => new UserPermissionsService(ctx.core).set(me(ctx).user.id, userId, overrides),
  'admin.settings.get': (ctx) => ctx.core.settings.all(),
  'admin.settings.update': (ctx, patch) => {
    const { core } = ctx;
    const actor = me(ctx).user.id;
    core.db.transaction((tx) => {
      for (const [key, value] of Object.entries(patch) as [SettingKey, SettingValue<SettingKey>][]) {
        const before = core.settings.get(key);
        if (value === undefined || value === before) continue;
        core.settings.set(key, value, tx);
        writeAudit(tx, core.clock, { userId: actor, action: 'update', entity: 'setting', entityId: key, before: { value: before }, after: { value } });
      }
    });
    return core.settings.all();
  },
  'admin.audit.list': (ctx, { entity, entityId, action, from, to, minRows, limit }) => {
    const where: SQL[] = [];
    if (entity) where.push(eq(auditLog.entity, entity));
    if (entityId) where.push(eq(auditLog.entityId, entityId));
    if (action) where.push(eq(auditLog.action, action));
    if (from && to) {
      const [a, b] = dayRangeMs(from, to, ctx.core.settings.get('dealer.timeZone'));
      where.push(gte(auditLog.at, a), lt(auditLog.at, b));
    }
    // An export's size, as the grid records it (after.rows): 审核自查 check 8's "above 10,000 rows".
    if (minRows !== undefined) where.push(sql`coalesce(cast(json_extract(${auditLog.after}, '$.rows') as integer), 0) > ${minRows}`);
    return ctx.core.db
      .select()
      .from(auditLog)
      .where(where.length ? and(...where) : undefined)
      .orderBy(desc(auditLog.id))
      .limit(limit)
      .all();
  },
};
