import { sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../../../common/api/grid';
import type { SalesList, SalesListRow } from '../../../common/api/sales-analysis';
import type { Core } from '../../core';
import type { SessionCtx } from '../auth';
import { DAY_MS as DAY, addDays, dayStartMs, todayIn } from '../../../common/dates';
import { consultantFilter } from '../analysis';
import { readAll, readGet } from '../../read-pool/read-sql';

export interface ListInput {
  scope: Scope;
  consultantId?: number;
  limit: number;
  offset: number;
}

type Raw = Omit<SalesListRow, 'daysInStage'>;

/**
 * The manager's review lists (a consultant gets the same lists for their own records):
 * - stalled: open opportunities whose stage has not changed for 'sales.stalledDays' days or more
 *   (the last change was on or before the day N days ago, dealer's zone), longest-stalled first;
 * - no next activity: open opportunities without a planned activity on them (DS-CRM: every open
 *   opportunity must have a next planned activity), oldest stage change first;
 * - customers without a plan: customers in scope (by their owner) that have an open opportunity
 *   and no planned activity at all — a plan on any of the customer's opportunities, or on the
 *   customer alone, counts as a plan. Customers with no open opportunity are not listed: there is
 *   nothing to follow up (abandoned ones already have their follow-up planned by the abandon).
 */
export class ManagerLists {
  constructor(private core: Pick<Core, 'clock' | 'db' | 'reads' | 'settings' | 'visibility'>) {}

  /** The lists' SQL is built here with the session's scope; it runs on the read pool (read-pool.ts), off the host's thread. */
  private async oppRows(s: SessionCtx, input: ListInput, cond: SQL, order: SQL): Promise<SalesList> {
    const who = consultantFilter(this.core, s, input.scope, 'o.consultant_id', input.consultantId);
    const where = sql`o.status = 'open' and ${who} and ${cond}`;
    // Page the ids first (a pass over opportunities alone), then read the page's details and keep the page's order.
    const ids = (await readAll<{ id: number }>(this.core.reads, sql`select o.id as id from opportunities o where ${where} order by ${order}, o.id limit ${input.limit} offset ${input.offset}`)).map((r) => r.id);
    const byId = new Map(
      (
        await readAll<Raw>(
          this.core.reads,
          sql`select o.id as id, o.customer_id as customerId, c.name as customerName,
            o.consultant_id as consultantId, (select u.display_name from users u where u.id = o.consultant_id) as consultantName,
            o.stage as stage, o.model as model,
            (select case when ${s.user.locale === 'en' ? 'en' : 'zh'} = 'en' then d.label_en else d.label_zh end from dictionaries d where d.kind = 'model' and d.code = o.model) as modelLabel,
            o.price as price, o.expected_purchase_date as expectedPurchaseDate, o.last_stage_change_at as lastStageChangeAt
          from opportunities o join customers c on c.id = o.customer_id where o.id in (select value from json_each(${JSON.stringify(ids)}))`,
        )
      ).map((r) => [r.id, r] as const),
    );
    const rows = ids.map((id) => byId.get(id)).filter((r): r is Raw => r !== undefined);
    const total = (await readGet<{ n: number }>(this.core.reads, sql`select count(*) as n from opportunities o where ${where}`))!.n;
    const now = this.core.clock.now();
    return { rows: rows.map((r) => ({ ...r, daysInStage: r.lastStageChangeAt == null ? null : Math.floor((now - r.lastStageChangeAt) / DAY) })), total };
  }

  /**
   * N, today and the day N days ago in the dealer's time zone. Stalled = the last stage change was
   * on or before that day (whole days, as the grid's date filter compares), i.e. before the start
   * of the day after it.
   */
  params(): { stalledDays: number; today: string; stalledOnOrBefore: string } {
    const tz = this.core.settings.get('dealer.timeZone');
    const days = this.core.settings.get('sales.stalledDays');
    const today = todayIn(tz, this.core.clock.now());
    return { stalledDays: days, today, stalledOnOrBefore: addDays(today, -days) };
  }

  async stalled(s: SessionCtx, input: ListInput): Promise<SalesList> {
    const p = this.params();
    const days = p.stalledDays;
    const cutoff = dayStartMs(addDays(p.stalledOnOrBefore, 1), this.core.settings.get('dealer.timeZone'));
    return { ...(await this.oppRows(s, input, sql`o.last_stage_change_at < ${cutoff}`, sql`o.last_stage_change_at`)), stalledDays: days };
  }

  noNextActivity(s: SessionCtx, input: ListInput): Promise<SalesList> {
    return this.oppRows(s, input, sql`not exists (select 1 from activities a where a.opportunity_id = o.id and a.status = 'planned')`, sql`o.last_stage_change_at`);
  }

  async noPlan(s: SessionCtx, input: ListInput): Promise<SalesList> {
    const who = consultantFilter(this.core, s, input.scope, 'c.owner_id', input.consultantId);
    // A customer with no planned activity at all has no plan on any of its open opportunities, so the
    // candidates are the customers of the open opportunities without a plan (activities_opp_idx probes),
    // and their open-opportunity count is the count of those.
    const from = sql`from (select o.customer_id as cid, count(*) as n, min(o.expected_purchase_date) as exp from opportunities o
        where o.status = 'open' and not exists (select 1 from activities a where a.opportunity_id = o.id and a.status = 'planned')
        group by o.customer_id) x
      join customers c on c.id = x.cid
      where ${who} and not exists (select 1 from activities a where a.customer_id = c.id and a.status = 'planned')`;
    const rows = await readAll<Raw>(this.core.reads, sql`select c.id as id, c.id as customerId, c.name as customerName, c.owner_id as consultantId,
        (select u.display_name from users u where u.id = c.owner_id) as consultantName, null as stage, null as model, null as modelLabel, null as price,
        x.exp as expectedPurchaseDate, null as lastStageChangeAt, x.n as openOpportunities
      ${from} order by x.exp is null, x.exp, c.id limit ${input.limit} offset ${input.offset}`);
    const total = (await readGet<{ n: number }>(this.core.reads, sql`select count(*) as n ${from}`))!.n;
    return { rows: rows.map((r) => ({ ...r, daysInStage: null })), total };
  }
}
