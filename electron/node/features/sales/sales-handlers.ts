import type { salesApi } from '../../../common/api/sales';
import { me, type HandlerCtx, type Handlers } from '../../handlers';
import { withCurrentOnStale } from '../../stale-record';

const current = <T>(ctx: HandlerCtx, id: number, save: () => T): T =>
  withCurrentOnStale(save, () => ctx.core.services.sales.opportunities.get(me(ctx), id));

// Record-level rules (whose opportunity, whose customer) are checked in the services, in SQL.
export const salesHandlers: Handlers<typeof salesApi> = {
  'opportunities.get': (ctx, { id }) => ctx.core.services.sales.opportunities.get(me(ctx), id),
  'opportunities.ofCustomer': (ctx, { customerId }) => ctx.core.services.sales.opportunities.ofCustomer(me(ctx), customerId),
  'opportunities.create': (ctx, input) => ctx.core.services.sales.opportunities.create(me(ctx), input),
  // A stale copy is refused with the panel as it reads now (STALE_RECORD details.current).
  'opportunities.update': (ctx, input) =>
    current(ctx, input.id, () => {
      ctx.core.services.sales.opportunities.update(me(ctx), input);
      return { id: input.id };
    }),
  'opportunities.changeStage': (ctx, input) =>
    current(ctx, input.id, () => {
      ctx.core.services.sales.opportunities.changeStage(me(ctx), input);
      return { id: input.id };
    }),
  'opportunities.deliver': (ctx, input) => current(ctx, input.id, () => ctx.core.services.sales.deals.deliver(me(ctx), input)),
  'opportunities.abandon': (ctx, input) => current(ctx, input.id, () => ctx.core.services.sales.abandon.abandon(me(ctx), input)),
  'deliveries.retryDms': (ctx, { id }) => ctx.core.services.sales.deals.retryDms(me(ctx), id),
  'intents.list': (ctx, { customerId }) => ctx.core.services.sales.intents.list(me(ctx), customerId),
  'intents.create': (ctx, input) => ctx.core.services.sales.intents.create(me(ctx), input),
  'intents.update': (ctx, input) => ctx.core.services.sales.intents.update(me(ctx), input),
};
