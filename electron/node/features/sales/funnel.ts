import { sql, type SQL } from 'drizzle-orm';
import type { Funnel, FunnelStage } from '../../../common/api/sales-analysis';
import type { Scope } from '../../../common/api/grid';
import { STAGES } from '../../../common/stages';
import type { Core } from '../../core';
import type { SessionCtx } from '../auth';
import { dayStartMs, monthDays } from '../../../common/dates';
import { readAll, readGet } from '../../read-pool/read-sql';
import { consultantFilter } from '../analysis';

/** The first and last calendar day of a 'YYYY-MM' month, and its [from, to) bounds in the dealer's time zone. */
export function monthRange(month: string, timeZone: string): Funnel['range'] {
  const { first, last, next } = monthDays(month);
  return { from: dayStartMs(first, timeZone), to: dayStartMs(next, timeZone), fromDay: first, toDay: last };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * 销售漏斗 for a month. "For a month" means: the open opportunities whose expected purchase date
 * falls in that month (the pipeline expected to close then), plus — in the 'delivery' stage at
 * 100 % — the deals of that month: deliveries (递交新车) whose delivery date, a calendar day in the
 * dealer's time zone, falls in the month, at their transaction price.
 * weight = leads × probability; forecast amount = Σ price × probability.
 */
export class FunnelService {
  constructor(private core: Pick<Core, 'db' | 'reads' | 'settings' | 'visibility'>) {}

  /** The SQL of both queries (the bench runs it raw as its baseline). */
  plan(s: SessionCtx, input: { month: string; scope: Scope; consultantId?: number }): { open: SQL; won: SQL; range: Funnel['range'] } {
    const range = monthRange(input.month, this.core.settings.get('dealer.timeZone'));
    const who = consultantFilter(this.core, s, input.scope, 'o.consultant_id', input.consultantId);
    const open = sql`select o.stage as stage, count(*) as n, coalesce(sum(o.price), 0) as price, sum(o.price is null) as unpriced
      from opportunities o
      where o.status = 'open' and o.expected_purchase_date between ${range.fromDay} and ${range.toDay} and ${who}
      group by o.stage`;
    // The deals of the month are its deliveries (递交新车, the deal's record, dated by the delivery day on
    // deliveries_date_idx): a scan of won opportunities by closed_at has no index and costs 40 ms at 1M.
    const won = sql`select count(*) as n, coalesce(sum(d.price), 0) as price, 0 as unpriced
      from deliveries d
      where d.delivery_date between ${range.fromDay} and ${range.toDay} and ${consultantFilter(this.core, s, input.scope, 'd.consultant_id', input.consultantId)}`;
    return { open, won, range };
  }

  /** Both queries run on the read pool (read-pool.ts): a month of 200,000 opportunities is read off the host's thread. */
  async get(s: SessionCtx, input: { month: string; scope: Scope; consultantId?: number }): Promise<Funnel> {
    const { open, won, range } = this.plan(s, input);
    const byStage = new Map<string, { n: number; price: number; unpriced: number }>();
    for (const r of await readAll<{ stage: string; n: number; price: number; unpriced: number }>(this.core.reads, open)) byStage.set(r.stage, r);
    const w = (await readGet<{ n: number; price: number; unpriced: number }>(this.core.reads, won))!;
    const d = byStage.get('delivery');
    byStage.set('delivery', { n: w.n + (d?.n ?? 0), price: w.price + (d?.price ?? 0), unpriced: w.unpriced + (d?.unpriced ?? 0) });

    let unpriced = 0;
    const stages: FunnelStage[] = STAGES.map((st) => {
      const r = byStage.get(st.code) ?? { n: 0, price: 0, unpriced: 0 };
      unpriced += r.unpriced;
      return {
        code: st.code,
        zh: st.zh,
        en: st.en,
        probability: st.probability,
        leads: r.n,
        weight: round2((r.n * st.probability) / 100),
        amount: round2((r.price * st.probability) / 100),
      };
    });
    const totals = {
      leads: stages.reduce((a, x) => a + x.leads, 0),
      weight: round2(stages.reduce((a, x) => a + x.weight, 0)),
      amount: round2(stages.reduce((a, x) => a + x.amount, 0)),
      unpriced,
    };
    return { month: input.month, scope: input.scope, consultantId: input.consultantId ?? null, range, stages, totals };
  }
}
