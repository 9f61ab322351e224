import type { gridApi } from '../../../common/api/grid';
import { me, type Handlers } from '../../handlers';
import { gridOf } from './services';
import { assertMayReadDataset } from './dataset-access';

export const gridHandlers: Handlers<typeof gridApi> = {
  'grid.columns': (ctx, { dataset }) => gridOf(ctx.core).grid.columns(me(ctx), dataset),
  'grid.query': (ctx, q) => gridOf(ctx.core).grid.query(me(ctx), q),
  'grid.count': async (ctx, q) => ({ count: await gridOf(ctx.core).grid.count(me(ctx), q) }),
  'grid.views.list': (ctx, { dataset }) => {
    assertMayReadDataset(me(ctx), dataset);
    return gridOf(ctx.core).views.list(me(ctx), dataset);
  },
  'grid.views.save': (ctx, input) => {
    assertMayReadDataset(me(ctx), input.dataset);
    return gridOf(ctx.core).views.save(me(ctx), input);
  },
  'grid.views.delete': (ctx, { id }) => gridOf(ctx.core).views.delete(me(ctx), id),
  'grid.views.share': (ctx, { id, role }) => gridOf(ctx.core).views.share(me(ctx), id, role),
  'grid.export': (ctx, input) => gridOf(ctx.core).grid.export(me(ctx), input),
};
