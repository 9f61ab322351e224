import type { customersApi, CustomerCard } from '../../../common/api/customers';
import { me, type HandlerCtx, type Handlers } from '../../handlers';

/** The card as the caller may see it: without the sections of a module taken away from them. */
export function cardFor(ctx: HandlerCtx, id: number): CustomerCard {
  const s = me(ctx);
  return ctx.core.customers.getCard(s, id, ctx.core.auth.moduleOverrides(s.user.id).revoked);
}

export const customersHandlers: Handlers<typeof customersApi> = {
  'customers.get': (ctx, { id }) => cardFor(ctx, id),
};
