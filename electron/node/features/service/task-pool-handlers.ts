import type { taskPoolApi } from '../../../common/api/task-pool';
import type { Core } from '../../core';
import { me, type Handlers } from '../../handlers';
import { TaskPoolService } from './task-pool';

const services = new WeakMap<Core, TaskPoolService>();
function taskPoolOf(core: Core): TaskPoolService {
  let svc = services.get(core);
  if (!svc) services.set(core, (svc = new TaskPoolService(core)));
  return svc;
}

export const taskPoolHandlers: Handlers<typeof taskPoolApi> = {
  'taskPool.assign': (ctx, input) => taskPoolOf(ctx.core).assign(me(ctx), ctx.locale, input),
};
