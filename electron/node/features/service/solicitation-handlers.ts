import type { solicitationApi } from '../../../common/api/solicitation';
import { me, type Handlers } from '../../handlers';
import { importCampaign } from './solicitation-import';

export const solicitationHandlers: Handlers<typeof solicitationApi> = {
  'solicitation.generate': (ctx, input) => ctx.core.services.solicitation.generate(me(ctx).user.id, me(ctx).user.locale, input),
  'solicitation.assign': (ctx, { ids, agentId }) => ctx.core.services.solicitation.assign(me(ctx), ids, agentId),
  'solicitation.setState': (ctx, { id, state, failReason }) => ctx.core.services.solicitation.setState(me(ctx), id, state, failReason),
  'solicitation.confirmSuccess': (ctx, { id }) => ctx.core.services.solicitation.confirmSuccess(me(ctx), id),
  'solicitation.detectSuccess': (ctx) => ctx.core.services.solicitation.detectSuccess(me(ctx).user.id),
  // No success detection over every task here (1.2 s at 1M customers): a visit recorded through the
  // app (serviceVisits.add / import) marks its customer's tasks at once; visits written any other way
  // wait for solicitation.detectSuccess (the scheduler's nightly job is to call it).
  'solicitation.rates': (ctx) => {
    me(ctx);
    return ctx.core.services.solicitation.rates();
  },
  'solicitation.importCampaign': (ctx, { uploadId, ...campaign }) => importCampaign(ctx.core, me(ctx), { ...campaign, ...ctx.core.uploads.take(me(ctx).user.id, uploadId) }),
  'solicitation.agents': (ctx) => {
    me(ctx);
    return ctx.core.services.solicitation.agents();
  },
};
