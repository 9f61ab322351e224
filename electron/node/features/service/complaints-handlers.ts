import type { complaintsApi } from '../../../common/api/complaints';
import type { Core } from '../../core';
import { me, type Handlers } from '../../handlers';
import { ComplaintsService } from './complaints';

// One service per core, without touching core.ts (see customers/edit-handlers.ts).
const services = new WeakMap<Core, ComplaintsService>();
export function complaintsOf(core: Core): ComplaintsService {
  let svc = services.get(core);
  if (!svc) services.set(core, (svc = new ComplaintsService(core)));
  return svc;
}

export const complaintsHandlers: Handlers<typeof complaintsApi> = {
  'complaints.create': (ctx, input) => complaintsOf(ctx.core).create(me(ctx), ctx.locale, input),
  'complaints.get': (ctx, { id }) => complaintsOf(ctx.core).get(me(ctx), id),
  'complaints.update': (ctx, input) => complaintsOf(ctx.core).update(me(ctx), ctx.locale, input),
  'complaints.assign': (ctx, { id, assigneeId }) => complaintsOf(ctx.core).assign(me(ctx), ctx.locale, id, assigneeId),
  'complaints.handle': (ctx, { id, note }) => complaintsOf(ctx.core).handle(me(ctx), ctx.locale, id, note),
  'complaints.close': (ctx, { id, result }) => complaintsOf(ctx.core).close(me(ctx), ctx.locale, id, result),
  'complaints.reopen': (ctx, { id, reason }) => complaintsOf(ctx.core).reopen(me(ctx), ctx.locale, id, reason),
  'complaints.assignees': (ctx) => {
    me(ctx);
    return complaintsOf(ctx.core).assignees();
  },
};
