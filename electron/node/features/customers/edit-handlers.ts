import type { customersEditApi } from '../../../common/api/customers';
import type { Core } from '../../core';
import { me, type Handlers } from '../../handlers';
import { CustomerEditService } from './edit';
import { withCurrentOnStale } from '../../stale-record';

// The edit service is built once per core (its statements are prepared against that database);
// core.ts stays untouched by this feature.
const services = new WeakMap<Core, CustomerEditService>();
function edit(core: Core): CustomerEditService {
  let svc = services.get(core);
  if (!svc) services.set(core, (svc = new CustomerEditService(core)));
  return svc;
}

export const customersEditHandlers: Handlers<typeof customersEditApi> = {
  'customers.checkPhone': (ctx, { raw, exceptCustomerId }) => edit(ctx.core).checkPhone(me(ctx), ctx.locale, raw, exceptCustomerId),
  'customers.create': (ctx, input) => edit(ctx.core).create(me(ctx), ctx.locale, input),
  'customers.update': (ctx, input) =>
    withCurrentOnStale(
      () => edit(ctx.core).update(me(ctx), ctx.locale, input),
      () => ctx.core.customers.getCard(me(ctx), input.id),
    ),
  'customers.assignableOwners': (ctx) => edit(ctx.core).assignableOwners(me(ctx)),
  'dict.list': (ctx, { kind }) => {
    me(ctx);
    return edit(ctx.core).dictionary(kind);
  },
};
