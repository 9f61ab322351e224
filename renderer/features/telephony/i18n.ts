import { useCallback } from 'react';
import { translate, type Params } from '../../i18n';
import { useI18n } from '../../i18n/react';
import type { telZh } from './texts';

/** The softphone's texts live in ./texts.ts and the shared dictionaries as 'tel.<key>'. */
export type TelKey = keyof typeof telZh;

export function telText(locale: string, key: TelKey, vars?: Params): string {
  return translate(locale === 'en' ? 'en' : 'zh-CN', `tel.${key}`, vars);
}

export function useTelT(): (key: TelKey, vars?: Params) => string {
  const { t } = useI18n();
  return useCallback((key, vars) => t(`tel.${key}`, vars), [t]);
}
