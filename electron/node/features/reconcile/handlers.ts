import type { reconcileApi } from '../../../common/api/reconcile';
import { me, type Handlers } from '../../handlers';
import { reconcileFunnel } from './reconcile';

export const reconcileHandlers: Handlers<typeof reconcileApi> = {
  'reconcile.funnel': (ctx, { uploadId, ...input }) => reconcileFunnel(ctx.core, me(ctx), { ...input, ...ctx.core.uploads.take(me(ctx).user.id, uploadId) }),
};
