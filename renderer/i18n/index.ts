/**
 * The one i18n layer: zh-CN first, English switchable. `t()` works anywhere (API client, plain
 * functions); React components read it through useI18n() (react.tsx) so they re-render on a switch.
 */
import { formatText, LOCALES, type Locale } from '../../electron/common/i18n/texts';
import { ROLE_NAMES, type Role } from '../../electron/common/roles';
import { en, zhCN, type MessageKey } from './dictionaries';

export type { Locale, MessageKey };
export { LOCALES };

export type Params = Record<string, string | number>;

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** Where the language chosen before login is kept (after login the user's own setting wins). */
export const LOCALE_STORAGE_KEY = 'dscrm.locale';

function readStoredLocale(): Locale {
  try {
    const v = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return v === 'en' || v === 'zh-CN' ? v : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

let current: Locale = readStoredLocale();
const listeners = new Set<() => void>();

export function getLocale(): Locale {
  return current;
}

/** Switches the UI language on this machine (remembered in localStorage). Saving it for the user is the session's job. */
export function applyLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // private mode or storage disabled: the switch still applies for this page
  }
  if (locale === current) return;
  current = locale;
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  for (const l of listeners) l();
}

export function subscribeLocale(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}

/**
 * A dictionary text filled by the same formatText as the server's texts, so a text can take a plural
 * form (`{n, plural, one {# row} other {# rows}}`). Called per grid cell: formatText returns the text
 * itself at once when there are no params or no brace in it.
 */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  return formatText(dictionaries[locale][key], locale, params);
}

/** The keys under one prefix, without it: PrefixedKey<'tel.'> is 'ring.title' | … for 'tel.ring.title' | …. */
export type PrefixedKey<P extends string> = MessageKey extends infer M ? (M extends `${P}${infer K}` ? K : never) : never;

/** A feature's texts by their own keys (the softphone's 'ring.title' = 'tel.ring.title'), in any locale string. */
export function translatePrefixed<P extends string>(prefix: P, locale: string, key: PrefixedKey<P>, params?: Params): string {
  return translate(locale === 'en' ? 'en' : 'zh-CN', `${prefix}${key}` as MessageKey, params);
}

/** Translates in the current language. */
export function t(key: MessageKey, params?: Params): string {
  return translate(current, key, params);
}

export function roleName(role: Role, locale: Locale = current): string {
  return locale === 'en' ? ROLE_NAMES[role].en : ROLE_NAMES[role].zh;
}

/** Local date and time as 2026-03-01 14:05:09 (the format dealers read everywhere). */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

if (typeof document !== 'undefined') document.documentElement.lang = current;
