import type { dialerApi } from '../../../common/api/dialer';
import { me, type Handlers } from '../../handlers';

export const dialerHandlers: Handlers<typeof dialerApi> = {
  'dialer.overview': (ctx) => ctx.core.services.dialer.overview(me(ctx)),
  'dialer.next': (ctx, { queue }) => ctx.core.services.dialer.next(me(ctx), queue),
  'dialer.skip': (ctx, input) => ctx.core.services.dialer.skip(me(ctx), input),
  'dialer.renew': (ctx) => ctx.core.services.dialer.renew(me(ctx)),
  'dialer.stop': (ctx) => ctx.core.services.dialer.stop(me(ctx)),
  'dialer.rules': (ctx) => ctx.core.services.dialer.rules(),
  'dialer.rules.save': (ctx, input) => ctx.core.services.dialer.saveRules(me(ctx), input),
};
