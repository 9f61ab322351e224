import type { revisitsApi } from '../../../common/api/revisits';
import type { Core } from '../../core';
import { me, type Handlers } from '../../handlers';
import { withCurrentOnStale } from '../../stale-record';
import { LowScoreService } from './low-score';
import { RevisitLists } from './revisit-lists';
import { RevisitService } from './revisits';

// Built once per core (core.ts stays untouched by this feature).
interface Services {
  revisits: RevisitService;
  lists: RevisitLists;
  lowScore: LowScoreService;
}
const services = new WeakMap<Core, Services>();
function svc(core: Core): Services {
  let s = services.get(core);
  if (!s) services.set(core, (s = { revisits: new RevisitService(core), lists: new RevisitLists(core), lowScore: new LowScoreService(core) }));
  return s;
}

export const revisitsHandlers: Handlers<typeof revisitsApi> = {
  'revisits.templates.list': (ctx, { kind, includeInactive }) => {
    me(ctx);
    return svc(ctx.core).revisits.templates.list(kind, includeInactive);
  },
  'revisits.templates.save': (ctx, input) => svc(ctx.core).revisits.templates.save(me(ctx), input),
  'revisits.list': (ctx, { kind, tab, from, to, scope }) => svc(ctx.core).lists.list(me(ctx), kind, tab, from, to, scope),
  'revisits.toTasks': (ctx, { kind, from, to, selection }) => svc(ctx.core).lists.toTasks(me(ctx), kind, from, to, selection),
  'revisits.open': (ctx, { kind, eventId }) => svc(ctx.core).revisits.open(me(ctx), kind, eventId),
  'revisits.save': (ctx, input) => svc(ctx.core).revisits.save(me(ctx), input),
  'revisits.lowScore.list': (ctx) => svc(ctx.core).lowScore.list(me(ctx)),
  // A stale copy is refused with the follow-up as the list reads it now (STALE_RECORD details.current).
  'revisits.lowScore.close': (ctx, input) =>
    withCurrentOnStale(
      () => svc(ctx.core).lowScore.close(me(ctx), input),
      () => svc(ctx.core).lowScore.row(me(ctx), input.taskId),
    ),
};
