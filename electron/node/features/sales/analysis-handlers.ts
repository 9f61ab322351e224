import { sql } from 'drizzle-orm';
import type { salesAnalysisApi } from '../../../common/api/sales-analysis';
import { me, type Handlers } from '../../handlers';
import type { Birthdays } from './birthdays';
import type { FunnelService } from './funnel';
import type { ManagerLists } from './manager-lists';
import type { ReassignService } from './reassign';

export interface Analysis {
  funnel: FunnelService;
  reassign: ReassignService;
  lists: ManagerLists;
  birthdays: Birthdays;
}

export const salesAnalysisHandlers: Handlers<typeof salesAnalysisApi> = {
  'sales.funnel.get': (ctx, input) => ctx.core.services.analysis.funnel.get(me(ctx), input),
  'sales.consultants': (ctx, { purpose, scope }) => {
    const s = me(ctx);
    const a = ctx.core.services.analysis;
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
  'customers.reassign': (ctx, input) => ctx.core.services.analysis.reassign.reassign(me(ctx), input),
  'sales.review.params': (ctx) => {
    me(ctx);
    return ctx.core.services.analysis.lists.params();
  },
  'sales.lists.stalled': (ctx, input) => ctx.core.services.analysis.lists.stalled(me(ctx), input),
  'sales.lists.noNextActivity': (ctx, input) => ctx.core.services.analysis.lists.noNextActivity(me(ctx), input),
  'sales.lists.noPlan': (ctx, input) => ctx.core.services.analysis.lists.noPlan(me(ctx), input),
  'sales.birthdays.list': (ctx, input) => ctx.core.services.analysis.birthdays.list(me(ctx), input),
};
