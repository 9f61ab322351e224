import { sql, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { GridSelection, Scope } from '../../../common/api/grid';
import type { ReassignResult } from '../../../common/api/sales-analysis';
import type { Role } from '../../../common/roles';
import type { Core } from '../../core';
import type { SessionCtx } from '../auth';
import { AppError } from '../../errors';
import { and, datasetDef, filterSql } from '../grid';

/** Roles that may reassign across the whole dealership; everyone else with the permission only within their teams. */
const DEALER_WIDE: readonly Role[] = ['generalManager', 'admin'];

export interface ReassignInput {
  selection?: GridSelection;
  fromConsultantId?: number;
  toConsultantId: number;
}

const fieldError = (field: string, message: string) => new AppError('INVALID_INPUT', { issues: message, fields: [{ field, message }] });

/**
 * 客户资源分配: moves customers to another consultant in one transaction of a few bulk statements
 * (so 10,000+ customers stay one step), with their open opportunities and planned activities.
 * Closed (won / abandoned) opportunities and done / cancelled activities keep their consultant:
 * they are history. Audit: one 'reassignment' summary row (who, from, to, how selected, counts)
 * and one 'reassign' row per customer (entity 'customer', before/after owner, the moved
 * opportunity ids and the number of moved plans, and the summary row's id) — so the customer's
 * own audit trail shows every owner it had, found by the audit_entity_idx.
 */
export class ReassignService {
  private dialect = new SQLiteSyncDialect();

  constructor(private core: Pick<Core, 'auth' | 'clock' | 'db' | 'settings' | 'sqlite' | 'visibility'>) {}

  /** The mine / team / all reach of a reassigning user: dealer-wide roles 'all', others their teams. */
  reach(s: SessionCtx): Scope {
    return DEALER_WIDE.includes(s.user.role) ? 'all' : 'team';
  }

  /** Consultants the user may move customers to: active sales consultants within their reach. */
  targets(s: SessionCtx): { id: number; name: string; active: boolean }[] {
    if (!this.core.auth.hasPermission(s, 'customers.reassign')) return [];
    return this.core.db.all<{ id: number; name: string; active: number }>(
      sql`select u.id as id, u.display_name as name, u.active as active from users u
          where u.role = 'salesConsultant' and u.active = 1 and ${this.core.visibility.ownedSql(s, this.reach(s), 'u.id')}
          order by u.display_name, u.id`,
    ).map((r) => ({ ...r, active: r.active === 1 }));
  }

  /** Consultants whose customers the user may move away (leavers included), within their reach. */
  sources(s: SessionCtx): { id: number; name: string; active: boolean }[] {
    if (!this.core.auth.hasPermission(s, 'customers.reassign')) return [];
    return this.core.db.all<{ id: number; name: string; active: number }>(
      sql`select u.id as id, u.display_name as name, u.active as active from users u
          where u.role = 'salesConsultant' and ${this.core.visibility.ownedSql(s, this.reach(s), 'u.id')}
          order by u.active, u.display_name, u.id`,
    ).map((r) => ({ ...r, active: r.active === 1 }));
  }

  private run(q: SQL): { changes: number } {
    const { sql: text, params } = this.dialect.sqlToQuery(q);
    return this.core.sqlite.prepare(text).run(...(params as unknown[]));
  }

  private get<T>(q: SQL): T {
    const { sql: text, params } = this.dialect.sqlToQuery(q);
    return this.core.sqlite.prepare(text).get(...(params as unknown[])) as T;
  }

  /** The WHERE on customers `c` that the selection names (before the reach check). */
  private source(s: SessionCtx, input: ReassignInput): { where: SQL; expected: number | null; mode: string; detail: unknown } {
    if (input.fromConsultantId !== undefined) {
      return { where: sql`c.owner_id = ${input.fromConsultantId}`, expected: null, mode: 'consultant', detail: { fromConsultantId: input.fromConsultantId } };
    }
    const sel = input.selection!;
    if ('ids' in sel) {
      const ids = [...new Set(sel.ids)];
      return { where: sql`c.id in (select value from json_each(${JSON.stringify(ids)}))`, expected: ids.length, mode: 'ids', detail: { count: ids.length } };
    }
    const q = sel.query;
    if (q.dataset !== 'customers') throw fieldError('selection', 'only customers can be reassigned');
    if (!this.core.visibility.scopesOf(s).includes(q.scope)) throw new AppError('FORBIDDEN');
    const def = datasetDef('customers');
    const ctx = { def, timeZone: this.core.settings.get('dealer.timeZone'), now: this.core.clock.now() };
    const where = and([this.core.visibility.ownedSql(s, q.scope, 'c.owner_id'), ...filterSql(ctx, q.filter)]);
    return { where, expected: sel.expectedCount, mode: 'query', detail: { scope: q.scope, filter: q.filter, expectedCount: sel.expectedCount } };
  }

  reassign(s: SessionCtx, input: ReassignInput): ReassignResult {
    if (!this.core.auth.hasPermission(s, 'customers.reassign')) throw new AppError('FORBIDDEN');
    const reach = this.core.visibility.ownedSql(s, this.reach(s), 'c.owner_id');
    const to = input.toConsultantId;
    if (input.fromConsultantId === to) throw fieldError('toConsultantId', 'the target is the consultant the customers come from');

    const target = this.get<{ role: string; active: number } | undefined>(sql`select role, active from users where id = ${to}`);
    if (!target || target.role !== 'salesConsultant' || target.active !== 1) throw fieldError('toConsultantId', 'the target must be an active sales consultant');
    if (!this.get<{ ok: number } | undefined>(sql`select 1 as ok where ${this.core.visibility.ownedSql(s, this.reach(s), String(to))}`)) throw new AppError('FORBIDDEN');
    if (input.fromConsultantId !== undefined && !this.get<{ ok: number } | undefined>(sql`select 1 as ok where ${this.core.visibility.ownedSql(s, this.reach(s), String(input.fromConsultantId))}`)) {
      throw new AppError('FORBIDDEN');
    }

    const src = this.source(s, input);
    const now = this.core.clock.now();
    const actor = s.user.id;

    return this.core.sqlite.transaction((): ReassignResult => {
      // The selection must still be what the user saw: a list that changed meanwhile is refused, not half-applied.
      if (src.expected !== null) {
        const n = this.get<{ n: number }>(sql`select count(*) as n from customers c where ${src.where}`).n;
        if (n !== src.expected) {
          if (src.mode === 'ids') throw new AppError('NOT_FOUND', { expected: src.expected, found: n });
          throw new AppError('CONFLICT', { expected: src.expected, found: n, reason: `列表已变化:选中 ${src.expected} 位,现在符合条件的有 ${n} 位,请刷新后重试 / the list changed: ${src.expected} selected, ${n} match now; refresh and try again` });
        }
        const mine = this.get<{ n: number }>(sql`select count(*) as n from customers c where ${src.where} and ${reach}`).n;
        if (mine !== n) throw new AppError('FORBIDDEN', { outside: n - mine });
      }
      this.core.sqlite.exec('create temp table if not exists reassign_batch (id integer primary key, from_owner integer)');
      this.core.sqlite.exec('delete from temp.reassign_batch');
      this.run(sql`insert into temp.reassign_batch (id, from_owner) select c.id, c.owner_id from customers c
        where ${src.where} and ${reach} and (c.owner_id is null or c.owner_id <> ${to})`);
      const customers = this.get<{ n: number }>(sql`select count(*) as n from temp.reassign_batch`).n;
      if (customers === 0) return { customers: 0, opportunities: 0, activities: 0, toConsultantId: to };

      const opps = this.get<{ n: number }>(sql`select count(*) as n from opportunities o where o.status = 'open' and o.customer_id in (select id from temp.reassign_batch)`).n;
      const acts = this.get<{ n: number }>(sql`select count(*) as n from activities a where a.status = 'planned' and a.customer_id in (select id from temp.reassign_batch)`).n;

      const summary = {
        toConsultantId: to,
        mode: src.mode,
        ...(src.detail as object),
        customers,
        opportunities: opps,
        activities: acts,
      };
      const batchId = Number(
        this.core.sqlite
          .prepare("insert into audit_log (at, user_id, action, entity, entity_id, before, after) values (?, ?, 'reassign', 'reassignment', null, null, ?)")
          .run(now, actor, JSON.stringify(summary)).lastInsertRowid,
      );
      this.core.sqlite.prepare('update audit_log set entity_id = cast(id as text) where id = ?').run(batchId);
      // One row per customer, written before the move so it can list what moves with the customer.
      this.run(sql`insert into audit_log (at, user_id, action, entity, entity_id, before, after)
        select ${now}, ${actor}, 'reassign', 'customer', cast(b.id as text),
          json_object('ownerId', b.from_owner),
          json_object('ownerId', ${to}, 'batch', ${batchId},
            'opportunityIds', (select json_group_array(o.id) from opportunities o where o.customer_id = b.id and o.status = 'open'),
            'plannedActivities', (select count(*) from activities a where a.customer_id = b.id and a.status = 'planned'))
        from temp.reassign_batch b order by b.id`);

      // Each moved record's version goes up: a colleague's form still open on it is stale (issue 15).
      this.run(sql`update customers set owner_id = ${to}, updated_at = ${now}, version = version + 1 where id in (select id from temp.reassign_batch)`);
      const o = this.run(sql`update opportunities set consultant_id = ${to}, updated_at = ${now}, version = version + 1 where status = 'open' and customer_id in (select id from temp.reassign_batch)`).changes;
      const a = this.run(sql`update activities set owner_id = ${to}, updated_at = ${now}, version = version + 1 where status = 'planned' and customer_id in (select id from temp.reassign_batch)`).changes;
      this.core.sqlite.exec('delete from temp.reassign_batch');
      return { customers, opportunities: o, activities: a, toConsultantId: to };
    })();
  }
}
