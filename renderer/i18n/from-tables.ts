import type { Locale, Texts } from '../../electron/common/i18n/texts';

/** A feature's texts table and the prefix its keys take in the dictionaries ('sms.' → 'sms.title'). */
export type DictionaryEntry = readonly [prefix: string, texts: Texts<string>];

type KeysOf<T> = T extends Texts<infer K> ? K : never;
/** The dictionary keys one entry gives: its prefix in front of each key of its table. */
type EntryKeys<E> = E extends readonly [infer P extends string, infer T] ? `${P}${KeysOf<T>}` : never;

/**
 * Both UI dictionaries from the features' defineTexts tables, so a text is written once with its two
 * languages side by side and `t('sms.title')` stays a checked key. A key given twice would silently
 * hide one text, so it is refused at start-up.
 */
export function dictionariesFrom<const E extends readonly DictionaryEntry[]>(entries: E): Record<Locale, Record<EntryKeys<E[number]>, string>> {
  const zh: Record<string, string> = {};
  const en: Record<string, string> = {};
  for (const [prefix, texts] of entries) {
    for (const [key, text] of Object.entries(texts.table)) {
      const full = prefix + key;
      if (Object.hasOwn(zh, full)) throw new Error(`renderer dictionaries: '${full}' is defined twice`);
      zh[full] = text['zh-CN'];
      en[full] = text.en;
    }
  }
  return { 'zh-CN': zh, en } as Record<Locale, Record<EntryKeys<E[number]>, string>>;
}
