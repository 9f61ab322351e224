/**
 * Intl.DateTimeFormat instances per locale and time zone, made once and reused. Making one costs
 * tens of microseconds (ICU loads the zone's rules and the locale's patterns); the host's request
 * path made one per call — todayIn / dayStartMs on most screens, a profile of the seats bench
 * counted ~200 ms of every 20 s in it. A formatter is immutable, so sharing one is safe; the zone
 * is part of the key, so a changed 系统设置 → 时区 simply picks (or makes) the new zone's formatter
 * at the next call.
 *
 * `options` must be a module-level constant (it is keyed by identity, not by its content).
 */
const byOptions = new WeakMap<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>();
// Zones × locales a host ever sees are a handful; this only bounds a caller passing odd zones.
const MAX_PER_OPTIONS = 64;

export function zoneFormat(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let formats = byOptions.get(options);
  if (!formats) byOptions.set(options, (formats = new Map()));
  const key = `${locale}\u0000${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    // An unknown zone throws RangeError here, as the uncached constructor did; nothing is cached.
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    if (formats.size >= MAX_PER_OPTIONS) formats.clear();
    formats.set(key, f);
  }
  return f;
}

/** 'YYYY-MM-DD' and 24-hour parts to the minute: the calendar day and time of day in a zone. */
export const DAY_AND_MINUTE: Intl.DateTimeFormatOptions = { hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' };
