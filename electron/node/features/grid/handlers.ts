import type { gridApi } from '../../../common/api/grid';
import { me, type Handlers } from '../../handlers';
import { assertMayDescribeDataset } from './dataset-access';

export const gridHandlers: Handlers<typeof gridApi> = {
  'grid.columns': (ctx, { dataset }) => ctx.core.services.grid.grid.columns(me(ctx), dataset),
  'grid.query': (ctx, q) => ctx.core.services.grid.grid.query(me(ctx), q),
  'grid.count': async (ctx, q) => ({ count: await ctx.core.services.grid.grid.count(me(ctx), q) }),
  'grid.views.list': (ctx, { dataset }) => {
    assertMayDescribeDataset(me(ctx), dataset, ctx.core.auth.moduleOverrides(me(ctx).user.id));
    return ctx.core.services.grid.views.list(me(ctx), dataset);
  },
  'grid.views.save': (ctx, input) => {
    assertMayDescribeDataset(me(ctx), input.dataset, ctx.core.auth.moduleOverrides(me(ctx).user.id));
    return ctx.core.services.grid.views.save(me(ctx), input);
  },
  'grid.views.delete': (ctx, { id }) => ctx.core.services.grid.views.delete(me(ctx), id),
  'grid.views.share': (ctx, { id, role }) => ctx.core.services.grid.views.share(me(ctx), id, role),
  'grid.export': (ctx, input) => ctx.core.services.grid.grid.export(me(ctx), input),
};
