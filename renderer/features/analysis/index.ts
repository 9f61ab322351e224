/** The analysis feature's public surface: the period picker other analysis screens (审核自查) reuse. */
export { PeriodPicker, type PeriodValue } from './PeriodPicker';
