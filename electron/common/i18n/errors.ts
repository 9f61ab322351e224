import type { ErrorCode } from '../api/contract';
import { ERROR_TEXTS, FIELD_TEXTS } from './error-texts';
import { localeOf, type Locale, type Params } from './texts';

export { LOCALES, type Locale } from './texts';

export { ERROR_TEXTS, FIELD_TEXTS };
/** The tables themselves, for lookups of a text without placeholders by key and for the dictionary tests. */
export const ERROR_MESSAGES = ERROR_TEXTS.table;
export const FIELD_MESSAGES = FIELD_TEXTS.table;
export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

/**
 * An error's details as placeholder values: details travel as JSON (unknown values), texts take
 * strings and numbers; a missing or null detail leaves its placeholder as written.
 */
export function detailParams(details: Readonly<Record<string, unknown>> = {}): Params {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(details)) {
    if (v === undefined || v === null) continue;
    params[k] = typeof v === 'number' ? v : String(v);
  }
  return params;
}

/** The message of an error code in the user's language, its {placeholders} filled from the details. */
export function errorMessage(code: ErrorCode, locale: Locale | string, details?: Readonly<Record<string, unknown>>): string {
  return ERROR_TEXTS.text(code, locale, detailParams(details));
}

/** A field message (FIELD_TEXTS) in the user's language. */
export function fieldMessage(key: FieldMessageKey, locale: Locale | string, params?: Readonly<Record<string, unknown>>): string {
  return FIELD_TEXTS.text(key, locale, detailParams(params));
}

/** The user's language from a session's locale or an Accept-Language header (texts.ts' one rule). */
export const pickLocale = localeOf;
