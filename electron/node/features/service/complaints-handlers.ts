import type { complaintsApi } from '../../../common/api/complaints';
import { me, type HandlerCtx, type Handlers } from '../../handlers';
import { withCurrentOnStale } from '../../stale-record';

const current = <T>(ctx: HandlerCtx, id: number, save: () => T): T => withCurrentOnStale(save, () => ctx.core.services.complaints.get(me(ctx), id));

export const complaintsHandlers: Handlers<typeof complaintsApi> = {
  'complaints.create': (ctx, input) => ctx.core.services.complaints.create(me(ctx), ctx.locale, input),
  'complaints.get': (ctx, { id }) => ctx.core.services.complaints.get(me(ctx), id),
  // A stale copy is refused with the complaint as the panel reads it now (STALE_RECORD details.current).
  'complaints.update': (ctx, input) => current(ctx, input.id, () => ctx.core.services.complaints.update(me(ctx), ctx.locale, input)),
  'complaints.assign': (ctx, { id, assigneeId, expectedVersion }) => current(ctx, id, () => ctx.core.services.complaints.assign(me(ctx), ctx.locale, id, assigneeId, expectedVersion)),
  'complaints.handle': (ctx, { id, note, expectedVersion }) => current(ctx, id, () => ctx.core.services.complaints.handle(me(ctx), ctx.locale, id, note, expectedVersion)),
  'complaints.close': (ctx, { id, result, expectedVersion }) => current(ctx, id, () => ctx.core.services.complaints.close(me(ctx), ctx.locale, id, result, expectedVersion)),
  'complaints.reopen': (ctx, { id, reason, expectedVersion }) => current(ctx, id, () => ctx.core.services.complaints.reopen(me(ctx), ctx.locale, id, reason, expectedVersion)),
  'complaints.assignees': (ctx) => {
    me(ctx);
    return ctx.core.services.complaints.assignees();
  },
};
