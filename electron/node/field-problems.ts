import type { FieldProblem } from '../common/api/customers';
import { detailParams } from '../common/i18n/errors';
import type { Locale, Texts } from '../common/i18n/texts';
import { AppError } from './errors';

/** The caller's half of a message written "中文 / English" (common/phone, contract schemas); null when it is not such a pair. */
export function inLocale(both: string, locale: Locale): string | null {
  const cut = both.indexOf(' / ');
  if (cut < 0) return null;
  return locale === 'en' ? both.slice(cut + 3) : both.slice(0, cut);
}

/**
 * Problems found over a whole form, collected so the user sees every one at once under its field,
 * then thrown as one INVALID_INPUT `{ issues, fields: [{ field, message }] }` in the user's language.
 * Each feature brings its own texts (defineTexts: key → zh-CN / en with {placeholders} and plural forms).
 */
export class FieldProblems<K extends string> {
  readonly list: FieldProblem[] = [];

  constructor(
    readonly locale: Locale,
    private readonly texts: Texts<K>,
  ) {}

  add(field: string, key: K, params: Record<string, unknown> = {}): this {
    this.list.push({ field, message: this.texts.text(key, this.locale, detailParams(params)) });
    return this;
  }

  /** A message that already exists in both languages ("中文 / English", as common/phone writes them). */
  addText(field: string, both: string): this {
    this.list.push({ field, message: inLocale(both, this.locale) ?? both });
    return this;
  }

  get any(): boolean {
    return this.list.length > 0;
  }

  throwIfAny(): void {
    if (!this.list.length) return;
    // `issues` is the one-line summary for places that show only the message; forms use `fields`.
    throw new AppError('INVALID_INPUT', { issues: this.list.map((p) => `${p.field}: ${p.message}`).join('; '), fields: this.list });
  }
}
