import { translatePrefixed, type Params, type PrefixedKey } from '../../i18n';
import { usePrefixedT } from '../../i18n/react';

/** The SMS screens' texts live in ./texts.ts and the shared dictionaries as 'sms.<key>'. */
export type SmsKey = PrefixedKey<'sms.'>;
export const smsText = (locale: string, key: SmsKey, params?: Params): string => translatePrefixed('sms.', locale, key, params);
export const useSmsT = () => usePrefixedT('sms.');
