import type { customerSearchApi } from '../../../common/api/customers';
import { me, type Handlers } from '../../handlers';

export const customerSearchHandlers: Handlers<typeof customerSearchApi> = {
  'customers.search': (ctx, { q, limit }) => ctx.core.search.search(me(ctx), q, limit),
};
