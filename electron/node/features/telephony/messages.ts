import type { Locale, Params } from '../../../common/i18n/texts';
import { TELEPHONY_MESSAGES } from './message-texts';

export type TelephonyMessage = keyof typeof TELEPHONY_MESSAGES.table;

/** A telephony message (message-texts.ts) in the caller's language. */
export function msg(key: TelephonyMessage, locale: Locale, vars?: Params): string {
  return TELEPHONY_MESSAGES.text(key, locale, vars);
}
