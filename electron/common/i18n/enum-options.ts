import type { Texts } from './texts';

/** One option of a fixed list as grid columns and forms carry it (the shape of the contract's EnumValue). */
export interface EnumOption<V extends string = string> {
  value: V;
  zh: string;
  en: string;
}

/**
 * A list's options from a defineTexts table keyed by the stored value: the values and their labels
 * are written once, in the texts, and the options are read from there. Build them once, where the
 * list is defined (module load), never per request. The order is the table's, or `order` where the
 * keys look like numbers ('1', '0'), which JavaScript puts first and ascending whatever the table says.
 */
export function enumOptions<K extends string>(texts: Texts<K>, order: readonly K[] = enumCodes(texts)): EnumOption<K>[] {
  return order.map((value) => ({ value, ...texts.pair(value) }));
}

/** The stored values of a list in its table's order, as z.enum takes them. */
export function enumCodes<K extends string>(texts: Texts<K>): [K, ...K[]] {
  return Object.keys(texts.table) as [K, ...K[]];
}

/** Both languages of every value, by value ({ male: { zh, en }, … }), for lists read by value rather than in order. */
export function enumPairs<K extends string>(texts: Texts<K>): Record<K, { zh: string; en: string }> {
  return Object.fromEntries(enumCodes(texts).map((value) => [value, texts.pair(value)])) as Record<K, { zh: string; en: string }>;
}
