import type { workbenchApi } from '../../../common/api/workbench';
import { me, type Handlers } from '../../handlers';
import { withCurrentOnStale } from '../../stale-record';

export const workbenchHandlers: Handlers<typeof workbenchApi> = {
  'workbench.list': (ctx, { agentId, unassigned, offset, limit }) => ctx.core.services.workbench.list(me(ctx), agentId, unassigned ?? false, { offset, limit }),
  // A stale copy is refused with the task as the workbench reads it now (STALE_RECORD details.current).
  'workbench.outcome': (ctx, input) =>
    withCurrentOnStale(
      () => ctx.core.services.workbench.outcome(me(ctx), ctx.locale, input),
      () => ctx.core.services.workbench.taskRow(input.taskId),
    ),
  'workbench.load': (ctx) => {
    me(ctx);
    return ctx.core.services.workbench.load();
  },
  'workbench.agents': (ctx) => {
    me(ctx);
    return ctx.core.services.workbench.agents();
  },
  'workbench.reassign': (ctx, input) => ctx.core.services.workbench.reassign(me(ctx), ctx.locale, input),
};
