/** The analysis screens' shared model (决策分析, issue 17): import from here, not from the files. */
export { COMPARE_KINDS, MAX_PERIOD_DAYS, PERIOD_KINDS, comparePeriod, currentPeriod, periodRange, periodSchema, rangeDayList, rangeDays, rangeMs, type CompareKind, type DayRange, type Period, type PeriodKind } from './period';
export { AGE_BAND_TEXTS } from './texts';
export { closingRate, ratio, registrationRate } from './rates';
