import type { Locale } from '../../../i18n';

/** Yuan, with the ¥ sign and thousands separators (forecast amounts may have fen). */
export function yuan(v: number | null | undefined, locale: Locale): string {
  if (v == null) return '—';
  return `¥${v.toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 })}`;
}

/** The current month 'YYYY-MM' of the browser's clock (the server applies the dealer's zone). */
export function thisMonth(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}
