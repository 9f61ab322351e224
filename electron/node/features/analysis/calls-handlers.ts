import type { callsAnalysisApi } from '../../../common/api/analysis-calls';
import type { Handlers } from '../../handlers';
import { CallsService } from './calls';

/** 呼叫中心: counted per call on the core's read pool, dealer-wide or for one agent (the contract's roles are checked before). */
export const callsHandlers: Handlers<typeof callsAnalysisApi> = {
  'analysis.calls.get': (ctx, input) => new CallsService(ctx.core).get(input),
};
