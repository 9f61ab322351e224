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
