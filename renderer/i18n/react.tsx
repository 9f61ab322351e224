import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { applyLocale, getLocale, subscribeLocale, translate, type Locale, type MessageKey, type Params, type PrefixedKey } from './index';

export interface I18nValue {
  locale: Locale;
  t: (key: MessageKey, params?: Params) => string;
  /** Switches the language; when someone is logged in it is also saved for that user. */
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18nValue | null>(null);

/**
 * Provides the current language. `onChange` is told about every switch the user makes (the
 * session uses it to save the choice with auth.setLocale).
 */
export function I18nProvider({ children, onChange }: { children: ReactNode; onChange?: (locale: Locale) => void }) {
  const locale = useSyncExternalStore(subscribeLocale, getLocale, getLocale);
  const setLocale = useCallback(
    (next: Locale) => {
      applyLocale(next);
      onChange?.(next);
    },
    [onChange],
  );
  const value = useMemo<I18nValue>(
    () => ({ locale, t: (key, params) => translate(locale, key, params), setLocale }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** `t` for one feature's keys without their prefix: usePrefixedT('sms.')('title') = t('sms.title'). */
export function usePrefixedT<P extends string>(prefix: P): (key: PrefixedKey<P>, params?: Params) => string {
  const { t } = useI18n();
  return useCallback((key, params) => t(`${prefix}${key}` as MessageKey, params), [t, prefix]);
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n() outside <I18nProvider>');
  return v;
}
