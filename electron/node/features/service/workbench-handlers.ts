import type { workbenchApi } from '../../../common/api/workbench';
import type { Core } from '../../core';
import { me, type Handlers } from '../../handlers';
import { WorkbenchService } from './workbench';

const services = new WeakMap<Core, WorkbenchService>();
export function workbenchOf(core: Core): WorkbenchService {
  let svc = services.get(core);
  if (!svc) services.set(core, (svc = new WorkbenchService(core)));
  return svc;
}

export const workbenchHandlers: Handlers<typeof workbenchApi> = {
  'workbench.list': (ctx, { agentId, unassigned }) => workbenchOf(ctx.core).list(me(ctx), agentId, unassigned ?? false),
  'workbench.outcome': (ctx, input) => workbenchOf(ctx.core).outcome(me(ctx), ctx.locale, input),
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
