import { translatePrefixed, type Params, type PrefixedKey } from '../../i18n';
import { usePrefixedT } from '../../i18n/react';

/** The softphone's texts live in ./texts.ts and the shared dictionaries as 'tel.<key>'. */
export type TelKey = PrefixedKey<'tel.'>;
export const telText = (locale: string, key: TelKey, vars?: Params): string => translatePrefixed('tel.', locale, key, vars);
export const useTelT = () => usePrefixedT('tel.');
