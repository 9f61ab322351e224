/**
 * A feature's own text file (e.g. renderer/features/sms/texts.ts) taken into the shared
 * dictionaries under one prefix: { title: '…' } → { 'sms.title': '…' }, typed key by key so that
 * t('sms.title') is checked and the dictionary test sees every feature text.
 */
export function withPrefix<P extends string, T extends Record<string, string>>(prefix: P, texts: T): { [K in keyof T & string as `${P}${K}`]: T[K] } {
  return Object.fromEntries(Object.entries(texts).map(([k, v]) => [prefix + k, v])) as { [K in keyof T & string as `${P}${K}`]: T[K] };
}
