import { sql } from 'drizzle-orm';
import type { salesAnalysisApi } from '../../../common/api/sales-analysis';
import type { Core } from '../../core';
import { me, type Handlers } from '../../handlers';
import { Birthdays } from './birthdays';
import { FunnelService } from './funnel';
import { ManagerLists } from './manager-lists';
import { ReassignService } from './reassign';

interface Analysis {
  funnel: FunnelService;
  reassign: ReassignService;
  lists: ManagerLists;
  birthdays: Birthdays;
}

// Built once per core on first use; core.ts stays unaware of this feature.
const services = new WeakMap<Core, Analysis>();
export function analysisOf(core: Core): Analysis {
  let a = services.get(core);
  if (!a) {
    a = { funnel: new FunnelService(core), reassign: new ReassignService(core), lists: new ManagerLists(core), birthdays: new Birthdays(core) };
    services.set(core, a);
  }
  return a;
}

export const salesAnalysisHandlers: Handlers<typeof salesAnalysisApi> = {
  'sales.funnel.get': (ctx, input) => analysisOf(ctx.core).funnel.get(me(ctx), input),
  'sales.consultants': (ctx, { purpose, scope }) => {
    const s = me(ctx);
    const a = analysisOf(ctx.core);
    if (purpose === 'reassign') return a.reassign.targets(s);
    if (purpose === 'reassignFrom') return a.reassign.sources(s);
    // Funnel: the sales consultants inside the chosen scope, leavers included (their open pipeline still counts).
    const v = ctx.core.visibility;
    const sc = scope && v.scopesOf(s).includes(scope) ? scope : v.widest(s);
    return ctx.core.db
      .all<{ id: number; name: string; active: number }>(
        sql`select u.id as id, u.display_name as name, u.active as active from users u
            where u.role = 'salesConsultant' and ${v.ownedSql(s, sc, 'u.id')}
            order by u.active desc, u.display_name, u.id`,
      )
      .map((r) => ({ ...r, active: r.active === 1 }));
  },
  'customers.reassign': (ctx, input) => analysisOf(ctx.core).reassign.reassign(me(ctx), input),
  'sales.review.params': (ctx) => {
    me(ctx);
    return analysisOf(ctx.core).lists.params();
  },
  'sales.lists.stalled': (ctx, input) => analysisOf(ctx.core).lists.stalled(me(ctx), input),
  'sales.lists.noNextActivity': (ctx, input) => analysisOf(ctx.core).lists.noNextActivity(me(ctx), input),
  'sales.lists.noPlan': (ctx, input) => analysisOf(ctx.core).lists.noPlan(me(ctx), input),
  'sales.birthdays.list': (ctx, input) => analysisOf(ctx.core).birthdays.list(me(ctx), input),
};
