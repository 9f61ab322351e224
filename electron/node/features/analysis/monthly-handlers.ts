import type { analysisMonthlyApi } from '../../../common/api/analysis-monthly';
import { me, type Handlers } from '../../handlers';
import { monthlyReport, monthlyXlsx } from './monthly';

/** 关键指标 · 总经理月报: counted per call over the core's read pool (no cache that could show stale numbers). */
export const monthlyHandlers: Handlers<typeof analysisMonthlyApi> = {
  'analysis.monthly.get': (ctx, input) => monthlyReport(ctx.core, me(ctx), input.month),
  'analysis.monthly.xlsx': (ctx, input) => monthlyXlsx(ctx.core, me(ctx), input.month),
};
