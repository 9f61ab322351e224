import { ACTIVITY_STATUSES, ACTIVITY_TYPES } from '../../../../electron/common/api/activities';
import { STAGES } from '../../../../electron/common/stages';
import type { Locale } from '../../../i18n';

type Labelled = readonly { zh: string; en: string }[];
const pick = (list: Labelled & readonly object[], key: string, value: string, locale: Locale): string => {
  const hit = (list as readonly (Record<string, string> & { zh: string; en: string })[]).find((x) => x[key] === value);
  return hit ? (locale === 'en' ? hit.en : hit.zh) : value;
};

export const typeLabel = (code: string, locale: Locale) => pick(ACTIVITY_TYPES, 'value', code, locale);
export const statusLabel = (code: string, locale: Locale) => pick(ACTIVITY_STATUSES, 'value', code, locale);
export const stageLabel = (code: string | null, locale: Locale) => (code ? pick(STAGES, 'code', code, locale) : '');

export const typeOptions = (locale: Locale) => ACTIVITY_TYPES.map((x) => ({ value: x.value as string, label: locale === 'en' ? x.en : x.zh }));

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-11-23 10:00 in this machine's local time (the dealer's PCs run in the dealer's time zone). */
export function fmtDateTime(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The value of an <input type="datetime-local"> for a time. */
export const toLocalInput = (ms: number) => fmtDateTime(ms).replace(' ', 'T');
/** Epoch ms of an <input type="datetime-local"> value (NaN when empty or invalid). */
export const fromLocalInput = (v: string) => (v ? new Date(v).getTime() : Number.NaN);

export const todayLocal = () => fmtDateTime(Date.now()).slice(0, 10);

/** Tomorrow at 10:00 local: the usual default for a next follow-up. */
export function tomorrowAtTen(): number {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  d.setHours(10, 0, 0, 0);
  return d.getTime();
}
