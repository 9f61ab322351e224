import type { customersEditApi } from '../../../common/api/customers';
import { me, type Handlers } from '../../handlers';
import { withCurrentOnStale } from '../../stale-record';
import { ConsentFiles } from './consent-file';
import { cardFor } from './handlers';

export const customersEditHandlers: Handlers<typeof customersEditApi> = {
  'customers.checkPhone': (ctx, { raw, exceptCustomerId }) => ctx.core.services.customerEdit.checkPhone(me(ctx), ctx.locale, raw, exceptCustomerId),
  'customers.create': (ctx, input) => ctx.core.services.customerEdit.create(me(ctx), ctx.locale, input),
  'customers.update': (ctx, input) =>
    withCurrentOnStale(
      () => ctx.core.services.customerEdit.update(me(ctx), ctx.locale, input),
      () => cardFor(ctx, input.id),
    ),
  'customers.consentFile.attach': (ctx, { customerId, uploadId }) => new ConsentFiles(ctx.core).attach(me(ctx), customerId, uploadId),
  'customers.consentFile.get': (ctx, { customerId }) => new ConsentFiles(ctx.core).read(me(ctx), customerId),
  'customers.assignableOwners': (ctx) => ctx.core.services.customerEdit.assignableOwners(me(ctx)),
  'dict.list': (ctx, { kind }) => {
    me(ctx);
    return ctx.core.services.customerEdit.dictionary(kind);
  },
};
