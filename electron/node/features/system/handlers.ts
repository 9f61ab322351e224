import type { systemApi } from '../../../common/api/system';
import type { Handlers } from '../../handlers';

export const systemHandlers: Handlers<typeof systemApi> = {
  'system.health': (ctx) => ctx.core.health.status(),
};
