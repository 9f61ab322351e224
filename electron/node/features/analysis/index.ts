/**
 * The analysis feature's public surface: the consultant scope rule the sales figures share, and the
 * columns and presets 展厅流量 (sales) takes so a traffic figure's drill-down is its own list's filter.
 */
export { consultantFilter } from './scope';
export { trafficVisitColumns, trafficVisitPresets } from './visit-rules';
