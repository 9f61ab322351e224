/**
 * Dates, one module for the host and the renderer: calendar days ('YYYY-MM-DD', zone-free) in
 * calendar.ts, instants ↔ days in the dealer's time zone in zone.ts (dayjs + timezone, cached),
 * Intl formatters cached per zone in zone-format.ts, the browser's own zone (forms, lists) in
 * local.ts. Import from here, not from the files.
 */
export { DAY_MS, addDays, addMonths, dayNumber, dayOfNumber, daysBetween, daysInMonth, isDate, isLeapYear, monthDays, parseLooseDay, relativeRange, weekdayMon0 } from './calendar';
export { dayEndMs, dayRangeMs, dayStartMs, todayIn } from './zone';
export { DAY_AND_MINUTE, zoneFormat } from './zone-format';
export { fmtDateTime, fromLocalInput, localToday, toLocalInput, tomorrowAtTen } from './local';
