import type { dictionariesApi } from '../../../common/api/dictionaries';
import { me, type Handlers } from '../../handlers';
import { DictionaryService } from './service';

// Stateless over the core's database and clock: made per call, nothing to keep between calls.
export const dictionariesHandlers: Handlers<typeof dictionariesApi> = {
  'admin.dictionaries.kinds': (ctx) => new DictionaryService(ctx.core.db, ctx.core.clock).kinds(),
  'admin.dictionaries.get': (ctx, { id }) => new DictionaryService(ctx.core.db, ctx.core.clock).get(id),
  'admin.dictionaries.create': (ctx, input) => new DictionaryService(ctx.core.db, ctx.core.clock).create(me(ctx).user.id, input),
  'admin.dictionaries.update': (ctx, { id, ...patch }) => new DictionaryService(ctx.core.db, ctx.core.clock).update(me(ctx).user.id, id, patch),
};
