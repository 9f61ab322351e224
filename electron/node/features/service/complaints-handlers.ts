import type { complaintsApi } from '../../../common/api/complaints';
import type { Core } from '../../core';
import { me, type HandlerCtx, type Handlers } from '../../handlers';
import { withCurrentOnStale } from '../../stale-record';
import { ComplaintsService } from './complaints';

// One service per core, without touching core.ts (see customers/edit-handlers.ts).
const services = new WeakMap<Core, ComplaintsService>();
export function complaintsOf(core: Core): ComplaintsService {
  let svc = services.get(core);
  if (!svc) services.set(core, (svc = new ComplaintsService(core)));
  return svc;
}

const current = <T>(ctx: HandlerCtx, id: number, save: () => T): T => withCurrentOnStale(save, () => complaintsOf(ctx.core).get(me(ctx), id));

export const complaintsHandlers: Handlers<typeof complaintsApi> = {
  'complaints.create': (ctx, input) => complaintsOf(ctx.core).create(me(ctx), ctx.locale, input),
  'complaints.get': (ctx, { id }) => complaintsOf(ctx.core).get(me(ctx), id),
  // A stale copy is refused with the complaint as the panel reads it now (STALE_RECORD details.current).
  'complaints.update': (ctx, input) => current(ctx, input.id, () => complaintsOf(ctx.core).update(me(ctx), ctx.locale, input)),
  'complaints.assign': (ctx, { id, assigneeId, expectedVersion }) => current(ctx, id, () => complaintsOf(ctx.core).assign(me(ctx), ctx.locale, id, assigneeId, expectedVersion)),
  'complaints.handle': (ctx, { id, note, expectedVersion }) => current(ctx, id, () => complaintsOf(ctx.core).handle(me(ctx), ctx.locale, id, note, expectedVersion)),
  'complaints.close': (ctx, { id, result, expectedVersion }) => current(ctx, id, () => complaintsOf(ctx.core).close(me(ctx), ctx.locale, id, result, expectedVersion)),
  'complaints.reopen': (ctx, { id, reason, expectedVersion }) => current(ctx, id, () => complaintsOf(ctx.core).reopen(me(ctx), ctx.locale, id, reason, expectedVersion)),
  'complaints.assignees': (ctx) => {
    me(ctx);
    return complaintsOf(ctx.core).assignees();
  },
};
