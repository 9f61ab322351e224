/**
 * The analysis feature's public surface: the consultant scope rule the sales figures share, and the
 * columns and presets 展厅流量 (sales) takes so a traffic figure's drill-down is its own list's filter,
 * those 销售机会 takes for 销售分析's drill-downs, and those the after-sales lists take for 售后 / 客服's.
 */
export { consultantFilter } from './scope';
export { trafficVisitColumns, trafficVisitPresets } from './visit-rules';
export { salesActivityPresets, salesOpportunityColumns, salesOpportunityPresets } from './sales-rules';
export { aftersalesPresets } from './aftersales-rules';
// 坐席监控 (call-center) counts today's calls by 呼叫中心's rules and drills to the same lists.
export { callsCtx, callsQuery, callsWhere } from './calls-rules';
