import { sql, type SQL } from 'drizzle-orm';
import { MANAGER_ROLES } from '../../../common/roles';
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../../../../db/client';
import { AppError } from '../../errors';
import type { AuthService, SessionCtx } from '../auth';
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

/**
 * The rule's SQL text, written once: `@uid` stands for the user's id. The drizzle fragments below
 * bind it; statements prepared once (the card, opened on every screen pop) bind it by name.
 */
const TEAM_OWNER_IDS = `(select tu.id from users tu where tu.team_id in (
    select t.id from teams t where t.manager_id = @uid
    union select mu.team_id from users mu where mu.id = @uid and mu.team_id is not null))`;

/** The rule for a scope on an owner expression (a constant from code, never input), as text with @uid. */
function ownedText(scope: Scope, ownerExpr: string): string {
  if (scope === 'mine') return `${ownerExpr} = @uid`;
  if (scope === 'team') return `(${ownerExpr} = @uid or ${ownerExpr} in ${TEAM_OWNER_IDS})`;
  return '1';
}

/** The text with each @uid bound as a parameter. */
function bindUid(text: string, uid: number): SQL {
  return sql.join(
    text.split('@uid').map((part) => sql.raw(part)),
    sql`${uid}`,
  );
}

/** SQL for the user ids whose customers a manager's team scope covers (a sub-select). */
export function teamOwnerIdsSql(uid: number): SQL {
  return bindUid(TEAM_OWNER_IDS, uid);
}

/** customers.viewAll, the user's override winning over the role: AuthService.hasPermission's answer, inside a statement. */
const VIEW_ALL = `coalesce(
    (select granted from user_permissions where user_id = @uid and permission = 'customers.viewAll'),
    exists (select 1 from role_permissions where role = @role and permission = 'customers.viewAll'))`;

/**
 * The whole rule as one SQL expression on customers aliased `alias`, for statements prepared once
 * that decide it inside their own query (the card, opened on every screen pop, would otherwise
 * pay two more lookups to pick the scope first). Bind visibleParams(s). The cheap tests come first: SQLite
 * stops at the first true term. Lists use visibleCustomers instead: an OR of subqueries cannot
 * use the owner indexes.
 */
export function visibleCustomersText(alias = 'c'): string {
  const owner = `${alias}.owner_id`;
  return `(${ownedText('mine', owner)} or ${VIEW_ALL} or (@manager = 1 and ${ownedText('team', owner)}))`;
}

/** The named parameters of visibleCustomersText. */
export function visibleParams(s: SessionCtx): { uid: number; role: string; manager: number } {
  return { uid: s.user.id, role: s.user.role, manager: MANAGER_ROLES.includes(s.user.role) ? 1 : 0 };
}

export class CustomerVisibility {
  private leadsOrHasTeam;

  private seeOne: Statement<[{ id: number } & ReturnType<typeof visibleParams>], { ok: number }>;

  constructor(
    sqlite: Sqlite,
    private auth: AuthService,
  ) {
    this.seeOne = sqlite.prepare(`select 1 as ok from customers c where c.id = @id and ${visibleCustomersText('c')}`);
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
    return bindUid(ownedText(scope, ownerExpr), s.user.id);
  }

  /**
   * THE fragment every query that reads customers for a user applies: the customers aliased
   * `alias` that the session's user may see (their widest scope). tests/visibility-applied.test.ts
   * fails when a feature reads customers without it (or says why it may).
   */
  visibleCustomers(s: SessionCtx, alias = 'c'): SQL {
    return this.visibleOwned(s, `${alias}.owner_id`);
  }

  /** The same for records owned by a user (an opportunity's consultant, an activity's owner): those the user may see. */
  visibleOwned(s: SessionCtx, ownerExpr: string): SQL {
    return this.ownedSql(s, this.widest(s), ownerExpr);
  }

  /** Whether the customer exists and the user may see it. */
  canSee(s: SessionCtx, customerId: number): boolean {
    return this.seeOne.get({ id: customerId, ...visibleParams(s) }) !== undefined;
  }

  /** NOT_FOUND unless the user may see the customer: a hidden customer is answered exactly like a missing one. */
  requireVisible(s: SessionCtx, customerId: number): void {
    if (!this.canSee(s, customerId)) throw new AppError('NOT_FOUND');
  }
}
