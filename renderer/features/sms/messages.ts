import { useCallback } from 'react';
import { translate, type Params } from '../../i18n';
import { useI18n } from '../../i18n/react';
import type { smsZh } from './texts';

/** The SMS screens' texts live in ./texts.ts and the shared dictionaries as 'sms.<key>'. */
export type SmsKey = keyof typeof smsZh;

export function smsText(locale: string, key: SmsKey, params?: Params): string {
  return translate(locale === 'en' ? 'en' : 'zh-CN', `sms.${key}`, params);
}

export function useSmsT(): (key: SmsKey, params?: Params) => string {
  const { t } = useI18n();
  return useCallback((key, params) => t(`sms.${key}`, params), [t]);
}
