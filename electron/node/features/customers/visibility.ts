import { sql, type SQL } from 'drizzle-orm';
import { MANAGER_ROLES } from '../../../common/roles';
import type { Sqlite } from '../../../../db/client';
import type { AuthService, SessionCtx } from '../auth/service';
import type { Scope } from '../../../common/api/grid';

/**
 * Who may see which customer, in one place for the grid, quick find and the card:
 * - everyone sees the customers they own ('mine');
 * - a manager also sees the customers of their own team and of every team they lead ('team';
 *   a sales manager may lead more than one team, so teams.manager_id counts, not only users.team_id);
 * - the customers.viewAll permission (role default, user override wins) sees all.
 * Always applied in SQL, so a hidden customer is never read, counted or exported.
 */
export type { Scope };

/** SQL for the user ids whose customers a manager's team scope covers (a sub-select). */
export function teamOwnerIdsSql(uid: number): SQL {
  return sql`(select tu.id from users tu where tu.team_id in (
    select t.id from teams t where t.manager_id = ${uid}
    union select mu.team_id from users mu where mu.id = ${uid} and mu.team_id is not null))`;
}

export class CustomerVisibility {
  private leadsOrHasTeam;

  constructor(
    sqlite: Sqlite,
    private auth: AuthService,
  ) {
    this.leadsOrHasTeam = sqlite.prepare<[number, number]>(
      'select 1 from teams where manager_id = ? union all select 1 from users where id = ? and team_id is not null limit 1',
    );
  }

  /** The scopes a user may pick in a list, narrowest first. */
  scopesOf(s: SessionCtx): Scope[] {
    const out: Scope[] = ['mine'];
    if (MANAGER_ROLES.includes(s.user.role) && this.leadsOrHasTeam.get(s.user.id, s.user.id)) out.push('team');
    if (this.auth.hasPermission(s, 'customers.viewAll')) out.push('all');
    return out;
  }

  /** The widest scope the user has: what quick find and the card use. */
  widest(s: SessionCtx): Scope {
    return this.scopesOf(s).at(-1)!;
  }

  /**
   * A WHERE fragment on customers aliased `alias` for a scope. The caller checks the scope is one of
   * scopesOf(s) (the grid answers FORBIDDEN otherwise).
   */
  scopeSql(s: SessionCtx, scope: Scope, alias = 'c'): SQL {
    return this.ownedSql(s, scope, `${alias}.owner_id`);
  }

  /**
   * The same rule on any record that has an owning user (an opportunity's consultant, an
   * activity's owner): `ownerExpr` is a constant SQL expression from code, never from input.
   */
  ownedSql(s: SessionCtx, scope: Scope, ownerExpr: string): SQL {
    const owner = sql.raw(ownerExpr);
    if (scope === 'mine') return sql`${owner} = ${s.user.id}`;
    if (scope === 'team') return sql`(${owner} = ${s.user.id} or ${owner} in ${teamOwnerIdsSql(s.user.id)})`;
    return sql`1`;
  }

  /** The fragment for everything the user may see (their widest scope). */
  visibleSql(s: SessionCtx, alias = 'c'): SQL {
    return this.scopeSql(s, this.widest(s), alias);
  }
}
