import type { dedupeApi } from '../../../common/api/dedupe';
import { me, type Handlers } from '../../handlers';
import { mergeCustomers } from './merge';

export const dedupeHandlers: Handlers<typeof dedupeApi> = {
  'dedupe.status': (ctx) => ctx.core.services.dedupe.status(),
  'dedupe.scan': (ctx) => {
    const d = ctx.core.services.dedupe;
    void d.scan().catch((err: unknown) => console.error('[dedupe] scan failed:', err));
    return d.status();
  },
  'dedupe.groups': (ctx, input) => ctx.core.services.dedupe.groups(me(ctx), input),
  'dedupe.compare': (ctx, input) => ctx.core.services.dedupe.compare(me(ctx), input.keptId, input.mergedId),
  'dedupe.merge': (ctx, input) => mergeCustomers(ctx.core, me(ctx), input),
  'dedupe.dismiss': (ctx, input) => ctx.core.services.dedupe.dismiss(me(ctx), input.groupId),
};
