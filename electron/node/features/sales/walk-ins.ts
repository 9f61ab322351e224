import { sql } from 'drizzle-orm';
import { walkInBatches } from '../../../../db/schema';
import type { WalkInTotal } from '../../../common/api/showroom';
import type { SessionCtx } from '../auth';
import { isDate } from '../../../common/dates';
import { ShowroomBase, ShowroomProblems } from './showroom';

/**
 * 未留档客户: visitors who left no details, counted per model, day and consultant as batches. The
 * counter on the screen saves each change as a batch; a negative batch corrects a miscount and may
 * never take the day's total for that model below zero.
 */
export class WalkInService extends ShowroomBase {
  add(s: SessionCtx, input: { date: string; model: string; count: number; consultantId?: number }): { id: number; total: number } {
    const p = new ShowroomProblems(s.user.locale);
    const consultantId = this.consultant(s, p, input.consultantId);
    if (!isDate(input.date)) p.add('date', 'date.format');
    else if (input.date > this.today()) p.add('date', 'showroom.walkIn.future');
    const model = input.model.trim();
    if (!this.dict.accepts('model', model)) p.add('model', 'dict.unknown', { code: model });
    if (input.count === 0) p.add('count', 'showroom.walkIn.count');
    p.throwIfAny();

    return this.core.db.transaction((tx) => {
      const before = this.totalOf(input.date, model, consultantId, tx);
      if (before + input.count < 0) {
        p.add('count', 'showroom.walkIn.negative', { total: before, less: -input.count });
        p.throwIfAny();
      }
      const row = this.writer.insert(
        s.user.id,
        'walk_in_batch',
        walkInBatches,
        { visitDate: input.date, model, count: input.count, consultantId, createdAt: this.core.clock.now(), createdBy: s.user.id },
        tx,
      );
      return { id: row.id, total: before + input.count };
    });
  }

  private totalOf(date: string, model: string, consultantId: number, db = this.core.db): number {
    return (
      db.get<{ n: number | null }>(sql`SELECT sum(count) AS n FROM walk_in_batches WHERE visit_date = ${date} AND model = ${model} AND consultant_id = ${consultantId}`)?.n ?? 0
    );
  }

  /** The day's totals per consultant and model that the user may see (their own; a manager's teams'). */
  list(s: SessionCtx, input: { date: string; consultantId?: number }): WalkInTotal[] {
    const only = input.consultantId ? sql`AND c.consultant_id = ${input.consultantId}` : sql``;
    return this.core.db.all<WalkInTotal>(sql`
      SELECT c.consultant_id AS consultantId, coalesce(u.display_name, '') AS consultantName, c.model, sum(c.count) AS count
        FROM walk_in_batches c LEFT JOIN users u ON u.id = c.consultant_id
       WHERE c.visit_date = ${input.date} AND ${this.owned(s, 'c.consultant_id')} ${only}
       GROUP BY c.consultant_id, c.model
       ORDER BY consultantName, c.model`);
  }
}
