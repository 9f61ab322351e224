import type { customersApi } from '../../../common/api/customers';
import { me, type Handlers } from '../../handlers';

export const customersHandlers: Handlers<typeof customersApi> = {
  'customers.get': (ctx, { id }) => ctx.core.customers.getCard(me(ctx), id),
};
