import { sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../../../common/api/grid';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import type { SessionCtx } from '../auth';

/**
 * The scope filter on a consultant column: the user's mine / team / all, optionally narrowed to one
 * consultant who must lie inside that scope (else FORBIDDEN: a consultant outside it is not theirs to see).
 * The funnel, the manager lists and the analysis figures all count by it.
 */
export function consultantFilter(core: Pick<Core, 'db' | 'visibility'>, s: SessionCtx, scope: Scope, col: string, consultantId?: number): SQL {
  if (!core.visibility.scopesOf(s).includes(scope)) throw new AppError('FORBIDDEN');
  const owned = core.visibility.ownedSql(s, scope, col);
  if (consultantId === undefined) return owned;
  const inScope = core.db.get<{ ok: number } | undefined>(sql`select 1 as ok where ${core.visibility.ownedSql(s, scope, String(consultantId))}`);
  if (!inScope) throw new AppError('FORBIDDEN');
  return sql`${sql.raw(col)} = ${consultantId}`;
}
