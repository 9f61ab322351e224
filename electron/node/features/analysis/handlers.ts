import type { analysisApi } from '../../../common/api/analysis';
import { me, type Handlers } from '../../handlers';
import { SalesService } from './sales';
import { TrafficService } from './traffic';

// Stateless over the core's read pool and settings: made per call.
export const analysisHandlers: Handlers<typeof analysisApi> = {
  'analysis.traffic.get': (ctx, input) => new TrafficService(ctx.core).get(me(ctx), input),
  'analysis.sales.get': (ctx, input) => new SalesService(ctx.core).get(me(ctx), input),
};
