import type { aftersalesAnalysisApi } from '../../../common/api/analysis-aftersales';
import type { Handlers } from '../../handlers';
import { AftersalesService } from './aftersales';

/** 售后 / 客服: counted per call on the core's read pool, dealer-wide (the contract's roles are checked before). */
export const aftersalesHandlers: Handlers<typeof aftersalesAnalysisApi> = {
  'analysis.aftersales.get': (ctx, input) => new AftersalesService(ctx.core).get(input),
};
