import type { workbenchApi } from '../../../common/api/workbench';
import type { Core } from '../../core';
import { me, type Handlers } from '../../handlers';
import { WorkbenchService } from './workbench';
import { withCurrentOnStale } from '../../stale-record';

const services = new WeakMap<Core, WorkbenchService>();
export function workbenchOf(core: Core): WorkbenchService {
  let svc = services.get(core);
  if (!svc) services.set(core, (svc = new WorkbenchService(core)));
  return svc;
}

export const workbenchHandlers: Handlers<typeof workbenchApi> = {
  'workbench.list': (ctx, { agentId, unassigned }) => workbenchOf(ctx.core).list(me(ctx), agentId, unassigned ?? false),
  // A stale copy is refused with the task as the workbench reads it now (STALE_RECORD details.current).
  'workbench.outcome': (ctx, input) =>
    withCurrentOnStale(
      () => workbenchOf(ctx.core).outcome(me(ctx), ctx.locale, input),
      () => workbenchOf(ctx.core).taskRow(input.taskId),
    ),
  'workbench.load': (ctx) => {
    me(ctx);
    return workbenchOf(ctx.core).load();
  },
  'workbench.agents': (ctx) => {
    me(ctx);
    return workbenchOf(ctx.core).agents();
  },
  'workbench.reassign': (ctx, input) => workbenchOf(ctx.core).reassign(me(ctx), ctx.locale, input),
};
