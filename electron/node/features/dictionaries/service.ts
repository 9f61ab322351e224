import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client';
import { dictionaries } from '../../../../db/schema';
import { FIXED_CODE_KINDS, type DictionaryEntryRow, type DictionaryKindRow, type ServiceIntervals } from '../../../common/api/dictionaries';
import type { Clock } from '../../clock';
import { AppError } from '../../errors';
import { writeAudit } from '../admin';

type Entry = Omit<DictionaryEntryRow, 'id'>;

type Extra = { serviceIntervals?: ServiceIntervals } | null;

const row = (r: typeof dictionaries.$inferSelect): DictionaryEntryRow => ({
  id: r.id,
  kind: r.kind,
  code: r.code,
  zh: r.labelZh,
  en: r.labelEn,
  sort: r.sort,
  active: r.active,
  intervals: (r.extra as Extra)?.serviceIntervals ?? null,
});

/** Service intervals belong to models: any other list refuses them. */
function checkIntervals(kind: string, intervals: ServiceIntervals | null | undefined): void {
  if (intervals && kind !== 'model') throw new AppError('INVALID_INPUT', { issues: 'intervals: 只有车型有保养间隔 / only models have service intervals' });
}

const withIntervals = (extra: unknown, intervals: ServiceIntervals | null | undefined): Extra => {
  const rest = { ...((extra as Record<string, unknown> | null) ?? {}) };
  if (intervals === undefined) return rest;
  delete rest.serviceIntervals;
  return intervals ? { ...rest, serviceIntervals: intervals } : rest;
};

/**
 * 数据字典: the lists behind the drop-downs. Every change is audited in the same transaction. The
 * forms and imports check codes against this table on each save (customers/dictionaries.ts), so
 * an item added here is accepted at once and a retired one is refused for new records.
 */
export class DictionaryService {
  constructor(
    private db: Db,
    private clock: Clock,
  ) {}

  kinds(): DictionaryKindRow[] {
    const rows = this.db
      .select({ kind: dictionaries.kind, items: sql<number>`count(*)`, active: sql<number>`sum(${dictionaries.active})` })
      .from(dictionaries)
      .groupBy(dictionaries.kind)
      .orderBy(asc(dictionaries.kind))
      .all();
    return rows.map((r) => ({ ...r, active: Number(r.active ?? 0), fixedCodes: FIXED_CODE_KINDS.includes(r.kind) }));
  }

  get(id: number): DictionaryEntryRow {
    const r = this.db.select().from(dictionaries).where(eq(dictionaries.id, id)).get();
    if (!r) throw new AppError('NOT_FOUND');
    return row(r);
  }

  create(actorId: number, e: Omit<Entry, 'intervals'> & { intervals?: ServiceIntervals | null }): DictionaryEntryRow {
    checkIntervals(e.kind, e.intervals);
    // A fixed list's codes are checked by the program against its own list: a new one could never be stored.
    if (FIXED_CODE_KINDS.includes(e.kind)) throw new AppError('CONFLICT', { reason: `“${e.kind}”的编码由程序固定,只能修改名称和顺序 / the codes of '${e.kind}' are fixed by the program` });
    return this.db.transaction((tx) => {
      const taken = tx.select({ id: dictionaries.id }).from(dictionaries).where(and(eq(dictionaries.kind, e.kind), eq(dictionaries.code, e.code))).get();
      if (taken) throw new AppError('CONFLICT', { reason: `编码“${e.code}”已存在 / code '${e.code}' already exists` });
      const made = tx
        .insert(dictionaries)
        .values({ kind: e.kind, code: e.code, labelZh: e.zh, labelEn: e.en, sort: e.sort, active: e.active, extra: e.intervals ? { serviceIntervals: e.intervals } : null })
        .returning()
        .get();
      writeAudit(tx, this.clock, { userId: actorId, action: 'create', entity: 'dictionary', entityId: made.id, after: row(made) });
      return row(made);
    });
  }

  update(actorId: number, id: number, patch: Pick<Entry, 'zh' | 'en' | 'sort' | 'active'> & { intervals?: ServiceIntervals | null }): DictionaryEntryRow {
    return this.db.transaction((tx) => {
      const before = tx.select().from(dictionaries).where(eq(dictionaries.id, id)).get();
      if (!before) throw new AppError('NOT_FOUND');
      checkIntervals(before.kind, patch.intervals);
      if (!patch.active && FIXED_CODE_KINDS.includes(before.kind)) throw new AppError('CONFLICT', { reason: `“${before.kind}”的项目由程序使用,不能停用 / items of '${before.kind}' cannot be retired` });
      const after = tx
        .update(dictionaries)
        .set({ labelZh: patch.zh, labelEn: patch.en, sort: patch.sort, active: patch.active, extra: withIntervals(before.extra, patch.intervals) })
        .where(eq(dictionaries.id, id))
        .returning()
        .get();
      writeAudit(tx, this.clock, { userId: actorId, action: 'update', entity: 'dictionary', entityId: id, before: row(before), after: row(after) });
      return row(after);
    });
  }
}
