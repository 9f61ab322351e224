import type { Sqlite } from '../../../../db/client';
import { ROLES, ROLE_NAMES, ROLE_PERMISSIONS } from '../../../common/roles';

/** The roles and their default permissions (part of electron/node/reference-data.ts). Idempotent. */
export function ensureRoles(sqlite: Sqlite): void {
  const role = sqlite.prepare('INSERT OR IGNORE INTO roles (code, name_zh, name_en) VALUES (?, ?, ?)');
  const perm = sqlite.prepare('INSERT OR IGNORE INTO role_permissions (role, permission) VALUES (?, ?)');
  const countPerms = sqlite.prepare('SELECT COUNT(*) AS n FROM role_permissions WHERE role = ?');
  sqlite.transaction(() => {
    for (const code of ROLES) {
      role.run(code, ROLE_NAMES[code].zh, ROLE_NAMES[code].en);
      // Defaults only for a role that has none yet, so an admin's later changes are kept.
      if ((countPerms.get(code) as { n: number }).n === 0) for (const p of ROLE_PERMISSIONS[code]) perm.run(code, p);
    }
  })();
}
