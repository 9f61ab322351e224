import type { taskPoolApi } from '../../../common/api/task-pool';
import { me, type Handlers } from '../../handlers';

export const taskPoolHandlers: Handlers<typeof taskPoolApi> = {
  'taskPool.assign': (ctx, input) => ctx.core.services.taskPool.assign(me(ctx), ctx.locale, input),
  'taskPool.prioritize': (ctx, input) => ctx.core.services.taskPool.prioritize(me(ctx), ctx.locale, input),
};
