import type { salesApi } from '../../../common/api/sales';
import { me, type HandlerCtx, type Handlers } from '../../handlers';
import { withCurrentOnStale } from '../../stale-record';
import { salesOf } from './services';

const current = <T>(ctx: HandlerCtx, id: number, save: () => T): T =>
  withCurrentOnStale(save, () => salesOf(ctx.core).opportunities.get(me(ctx), id));

// Record-level rules (whose opportunity, whose customer) are checked in the services, in SQL.
export const salesHandlers: Handlers<typeof salesApi> = {
  'opportunities.get': (ctx, { id }) => salesOf(ctx.core).opportunities.get(me(ctx), id),
  'opportunities.ofCustomer': (ctx, { customerId }) => salesOf(ctx.core).opportunities.ofCustomer(me(ctx), customerId),
  'opportunities.create': (ctx, input) => salesOf(ctx.core).opportunities.create(me(ctx), input),
  // A stale copy is refused with the panel as it reads now (STALE_RECORD details.current).
  'opportunities.update': (ctx, input) =>
    current(ctx, input.id, () => {
      salesOf(ctx.core).opportunities.update(me(ctx), input);
      return { id: input.id };
    }),
  'opportunities.changeStage': (ctx, input) =>
    current(ctx, input.id, () => {
      salesOf(ctx.core).opportunities.changeStage(me(ctx), input);
      return { id: input.id };
    }),
  'opportunities.deliver': (ctx, input) => current(ctx, input.id, () => salesOf(ctx.core).deals.deliver(me(ctx), input)),
  'opportunities.abandon': (ctx, input) => current(ctx, input.id, () => salesOf(ctx.core).abandon.abandon(me(ctx), input)),
  'deliveries.retryDms': (ctx, { id }) => salesOf(ctx.core).deals.retryDms(me(ctx), id),
  'intents.list': (ctx, { customerId }) => salesOf(ctx.core).intents.list(me(ctx), customerId),
  'intents.create': (ctx, input) => salesOf(ctx.core).intents.create(me(ctx), input),
  'intents.update': (ctx, input) => salesOf(ctx.core).intents.update(me(ctx), input),
};
