import type { revisitsApi } from '../../../common/api/revisits';
import { me, type Handlers } from '../../handlers';
import { withCurrentOnStale } from '../../stale-record';
import type { LowScoreService } from './low-score';
import type { RevisitLists } from './revisit-lists';
import type { RevisitService } from './revisits';

/** core.services.revisits, built once per core on first use (electron/node/services.ts). */
export interface RevisitServices {
  revisits: RevisitService;
  lists: RevisitLists;
  lowScore: LowScoreService;
}

export const revisitsHandlers: Handlers<typeof revisitsApi> = {
  'revisits.templates.list': (ctx, { kind, includeInactive }) => {
    me(ctx);
    return ctx.core.services.revisits.revisits.templates.list(kind, includeInactive);
  },
  'revisits.templates.save': (ctx, input) => ctx.core.services.revisits.revisits.templates.save(me(ctx), input),
  'revisits.list': (ctx, { kind, tab, from, to, scope }) => ctx.core.services.revisits.lists.list(me(ctx), kind, tab, from, to, scope),
  'revisits.toTasks': (ctx, { kind, from, to, selection }) => ctx.core.services.revisits.lists.toTasks(me(ctx), kind, from, to, selection),
  'revisits.open': (ctx, { kind, eventId }) => ctx.core.services.revisits.revisits.open(me(ctx), kind, eventId),
  'revisits.save': (ctx, input) => ctx.core.services.revisits.revisits.save(me(ctx), input),
  'revisits.lowScore.list': (ctx) => ctx.core.services.revisits.lowScore.list(me(ctx)),
  // A stale copy is refused with the follow-up as the list reads it now (STALE_RECORD details.current).
  'revisits.lowScore.close': (ctx, input) =>
    withCurrentOnStale(
      () => ctx.core.services.revisits.lowScore.close(me(ctx), input),
      () => ctx.core.services.revisits.lowScore.row(me(ctx), input.taskId),
    ),
};
