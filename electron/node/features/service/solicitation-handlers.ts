import type { solicitationApi } from '../../../common/api/solicitation';
import type { Core } from '../../core';
import { me, type Handlers } from '../../handlers';
import { SolicitationService } from './solicitation';
import { importCampaign } from './solicitation-import';

const services = new WeakMap<Core, SolicitationService>();
export function solicitationOf(core: Core): SolicitationService {
  let s = services.get(core);
  if (!s) services.set(core, (s = new SolicitationService(core)));
  return s;
}

export const solicitationHandlers: Handlers<typeof solicitationApi> = {
  'solicitation.generate': (ctx, input) => solicitationOf(ctx.core).generate(me(ctx).user.id, me(ctx).user.locale, input),
  'solicitation.assign': (ctx, { ids, agentId }) => solicitationOf(ctx.core).assign(me(ctx), ids, agentId),
  'solicitation.setState': (ctx, { id, state, failReason }) => solicitationOf(ctx.core).setState(me(ctx), id, state, failReason),
  'solicitation.confirmSuccess': (ctx, { id }) => solicitationOf(ctx.core).confirmSuccess(me(ctx), id),
  'solicitation.detectSuccess': (ctx) => solicitationOf(ctx.core).detectSuccess(me(ctx).user.id),
  // No success detection over every task here (1.2 s at 1M customers): a visit recorded through the
  // app (serviceVisits.add / import) marks its customer's tasks at once; visits written any other way
  // wait for solicitation.detectSuccess (the scheduler's nightly job is to call it).
  'solicitation.rates': (ctx) => {
    me(ctx);
    return solicitationOf(ctx.core).rates();
  },
  'solicitation.importCampaign': (ctx, { uploadId, ...campaign }) => importCampaign(ctx.core, me(ctx), { ...campaign, ...ctx.core.uploads.take(me(ctx).user.id, uploadId) }),
  'solicitation.agents': (ctx) => {
    me(ctx);
    return solicitationOf(ctx.core).agents();
  },
};
