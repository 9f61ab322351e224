import { useState } from 'react';
import type { DictionaryItem } from '../../../electron/common/api/customers';
import { call } from '../../api';
import type { Locale } from '../../i18n';
import { useLoad } from '../../ui/use-load';

const cache = new Map<string, Promise<DictionaryItem[]>>();

/** A dictionary (source, model, …) from dict.list, fetched once per window. */
export function useDictionary(kind: string): DictionaryItem[] {
  const [items, setItems] = useState<DictionaryItem[]>([]);
  useLoad(
    () => {
      let p = cache.get(kind);
      if (!p) {
        // An unknown kind is an empty list on the server; a failed call is retried on the next mount.
        p = call('dict.list', { kind });
        cache.set(kind, p);
        p.catch(() => cache.delete(kind));
      }
      return p;
    },
    [kind],
    setItems,
  );
  return items;
}

/** The items, plus the current value when the dictionary does not (or no longer) list it. */
export function withCurrent(items: DictionaryItem[], current: string): DictionaryItem[] {
  return !current || items.some((d) => d.code === current) ? items : [...items, { code: current, zh: current, en: current }];
}

export function dictLabel(items: DictionaryItem[], code: string | null | undefined, locale: Locale): string {
  if (!code) return '';
  const d = items.find((x) => x.code === code);
  return d ? (locale === 'en' ? d.en : d.zh) : code;
}
