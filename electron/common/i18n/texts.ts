/**
 * The one way a text is written, on both sides: a feature keeps its texts in a `texts.ts` beside its
 * code as `defineTexts({ key: { 'zh-CN': '…', en: '…' } })` (zh-CN is the source language, both are
 * required by the type), and reads them by typed key. Servers format a message in the caller's
 * locale with `.text()`; grid columns and enum options, which travel to the renderer in both
 * languages, take `.pair()`.
 *
 * Placeholders are `{name}`; counts use ICU's plural form, `{count, plural, one {# minute} other
 * {# minutes}}`, chosen by Intl.PluralRules (Chinese has only `other`; `=0 {…}` matches exactly).
 */
/** The UI's languages, zh-CN first (the source language). */
export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export interface Text {
  'zh-CN': string;
  en: string;
}
export type Params = Readonly<Record<string, string | number>>;

/**
 * The one reading of a locale string (a session's or setting's 'en' / 'zh-CN', an Accept-Language
 * header 'en-US,en;q=0.9'): English when it starts with en, otherwise zh-CN, the source language.
 */
export function localeOf(locale: string | undefined | null): Locale {
  if (locale === 'en' || locale === 'zh-CN') return locale;
  return locale && /^en\b/i.test(locale.trim()) ? 'en' : 'zh-CN';
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
function pluralCategory(locale: Locale, n: number): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(n);
}

/** Index of the brace closing the one opened at `open` (texts nest one level inside plural arms). */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** `one {# minute} other {# minutes}` → { one: '# minute', other: '# minutes' }. */
function pluralArms(body: string): Map<string, string> {
  const arms = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const m = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
    if (!m) break;
    const open = i + m[0].length - 1;
    const close = closing(body, open);
    if (close < 0) break;
    arms.set(m[1] as string, body.slice(open + 1, close));
    i = close + 1;
  }
  return arms;
}

/** Fills `{name}` placeholders and `{n, plural, …}` forms; an unknown placeholder stays as written. */
export function formatText(template: string, locale: Locale, params?: Params): string {
  if (!params || !template.includes('{')) return template;
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    out += template.slice(i, open);
    const close = closing(template, open);
    if (close < 0) {
      i = open;
      break;
    }
    const inner = template.slice(open + 1, close);
    const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
    if (plural && (plural[1] as string) in params) {
      const n = Number(params[plural[1] as string]);
      const arms = pluralArms(plural[2] as string);
      const arm = arms.get(`=${n}`) ?? arms.get(pluralCategory(locale, n)) ?? arms.get('other') ?? '';
      out += formatText(arm.replace(/#/g, String(n)), locale, params);
    } else if (/^\w+$/.test(inner) && inner in params) {
      out += String(params[inner]);
    } else {
      out += template.slice(open, close + 1);
    }
    i = close + 1;
  }
  return out + template.slice(i);
}

/**
 * The variables a text uses, sorted and once each: `{name}` placeholders and the counts of plural
 * forms with the placeholders inside their arms. Both languages of a text must use the same ones
 * (the dictionary tests check it).
 */
export function textVariables(template: string): string[] {
  const found = new Set<string>();
  const walk = (s: string) => {
    for (let open = s.indexOf('{'); open >= 0; open = s.indexOf('{', open + 1)) {
      const close = closing(s, open);
      if (close < 0) return;
      const inner = s.slice(open + 1, close);
      const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
      if (plural) {
        found.add(plural[1] as string);
        for (const arm of pluralArms(plural[2] as string).values()) walk(arm);
      } else if (/^\w+$/.test(inner)) found.add(inner);
      open = close;
    }
  };
  walk(template);
  return [...found].sort();
}

export interface Texts<K extends string> {
  /** The table itself, e.g. for a dictionary test or for handing both languages to the renderer. */
  readonly table: Readonly<Record<K, Text>>;
  /** The text in one locale (a session's or setting's locale string is accepted), formatted. */
  text(key: K, locale: Locale | string, params?: Params): string;
  /** Both languages as grid columns and enum options carry them: { zh, en }. */
  pair(key: K): { zh: string; en: string };
}

export function defineTexts<const T extends Record<string, Text>>(table: T): Texts<keyof T & string> {
  type K = keyof T & string;
  return {
    table,
    text: (key: K, locale: Locale | string, params?: Params) => {
      const l = localeOf(locale);
      return formatText(table[key]![l], l, params);
    },
    pair: (key: K) => ({ zh: table[key]!['zh-CN'], en: table[key]!.en }),
  };
}
