import { and, eq, or, sql } from 'drizzle-orm';
import { gridViews, users } from '../../../../db/schema';
import { viewStateSchema, type Dataset, type GridView, type ViewState } from '../../../common/api/grid';
import type { Role } from '../../../common/roles';
import type { Core } from '../../core';
import type { SessionCtx } from '../auth';
import { AppError } from '../../errors';
import { datasetDef } from './datasets';

type Row = typeof gridViews.$inferSelect & { ownerName: string | null };

/**
 * Saved grid views: personal, one default per user and data set; a manager may share one with a
 * role. Someone else's view is read-only: changing it is FORBIDDEN when it is visible (shared with
 * my role), NOT_FOUND otherwise (no existence leak).
 */
export class GridViews {
  constructor(private core: Pick<Core, 'clock' | 'db'>) {}

  /** A stored state naming columns the data set no longer has still loads, without them. */
  private clean(dataset: Dataset, raw: unknown): ViewState {
    const ids = new Set(datasetDef(dataset).columns.map((c) => c.id));
    const st = (raw ?? {}) as Partial<ViewState>;
    const keepCond = (c: { col: string }) => ids.has(c.col);
    const f = st.filter ?? { columns: [] };
    const columns = (f.columns ?? [])
      .map((g) => ({ ...g, conditions: g.conditions.filter(keepCond) }))
      .filter((g) => g.conditions.length > 0);
    const advConds = f.advanced?.conditions.filter(keepCond) ?? [];
    const state = {
      columns: (st.columns ?? []).filter((c) => ids.has(c.id)),
      sort: (st.sort ?? []).filter((s) => ids.has(s.col)),
      filter: { columns, advanced: f.advanced && advConds.length ? { ...f.advanced, conditions: advConds } : null, ...(f.search ? { search: f.search } : {}) },
      groupBy: (st.groupBy ?? []).filter((g) => ids.has(g)),
      ...(st.scope ? { scope: st.scope } : {}),
    };
    const ok = viewStateSchema.safeParse(state);
    return ok.success ? ok.data : { columns: [], sort: [], filter: { columns: [] }, groupBy: [] };
  }

  private toView(s: SessionCtx, r: Row): GridView {
    const dataset = r.dataset as Dataset;
    return {
      id: r.id,
      dataset,
      name: r.name,
      state: this.clean(dataset, r.state),
      isDefault: r.ownerId === s.user.id && r.isDefault,
      sharedWithRole: r.sharedWithRole,
      mine: r.ownerId === s.user.id,
      ownerName: r.ownerName ?? '',
    };
  }

  private rows(s: SessionCtx, where = sql`1`) {
    return this.core.db
      .select({
        id: gridViews.id,
        ownerId: gridViews.ownerId,
        dataset: gridViews.dataset,
        name: gridViews.name,
        state: gridViews.state,
        isDefault: gridViews.isDefault,
        sharedWithRole: gridViews.sharedWithRole,
        createdAt: gridViews.createdAt,
        updatedAt: gridViews.updatedAt,
        ownerName: users.displayName,
      })
      .from(gridViews)
      .leftJoin(users, eq(users.id, gridViews.ownerId))
      .where(and(or(eq(gridViews.ownerId, s.user.id), eq(gridViews.sharedWithRole, s.user.role)), where))
      .orderBy(gridViews.name, gridViews.id)
      .all();
  }

  list(s: SessionCtx, dataset: Dataset): GridView[] {
    return this.rows(s, eq(gridViews.dataset, dataset)).map((r) => this.toView(s, r));
  }

  /** The view for changing: mine, or FORBIDDEN if only shared with me, or NOT_FOUND. */
  private own(s: SessionCtx, id: number): Row {
    const r = this.rows(s, eq(gridViews.id, id))[0];
    if (!r) throw new AppError('NOT_FOUND');
    if (r.ownerId !== s.user.id) throw new AppError('FORBIDDEN');
    return r;
  }

  private get(s: SessionCtx, id: number): GridView {
    const r = this.rows(s, eq(gridViews.id, id))[0];
    if (!r) throw new AppError('NOT_FOUND');
    return this.toView(s, r);
  }

  save(s: SessionCtx, input: { id?: number; dataset: Dataset; name: string; state: ViewState; isDefault?: boolean }): GridView {
    const now = this.core.clock.now();
    const state = this.clean(input.dataset, input.state);
    return this.core.db.transaction((tx) => {
      let id = input.id;
      if (id !== undefined) {
        const r = this.own(s, id);
        if (r.dataset !== input.dataset) throw new AppError('INVALID_INPUT', { issues: 'a view cannot move to another data set' });
        tx.update(gridViews).set({ name: input.name, state, updatedAt: now }).where(eq(gridViews.id, id)).run();
      } else {
        id = tx.insert(gridViews).values({ ownerId: s.user.id, dataset: input.dataset, name: input.name, state, isDefault: false, createdAt: now, updatedAt: now }).returning({ id: gridViews.id }).get().id;
      }
      if (input.isDefault !== undefined) {
        if (input.isDefault) tx.update(gridViews).set({ isDefault: false }).where(and(eq(gridViews.ownerId, s.user.id), eq(gridViews.dataset, input.dataset))).run();
        tx.update(gridViews).set({ isDefault: input.isDefault }).where(eq(gridViews.id, id)).run();
      }
      return this.get(s, id);
    });
  }

  delete(s: SessionCtx, id: number): { ok: true } {
    this.own(s, id);
    this.core.db.delete(gridViews).where(eq(gridViews.id, id)).run();
    return { ok: true };
  }

  share(s: SessionCtx, id: number, role: Role | null): GridView {
    this.own(s, id);
    this.core.db.update(gridViews).set({ sharedWithRole: role, updatedAt: this.core.clock.now() }).where(eq(gridViews.id, id)).run();
    return this.get(s, id);
  }
}
