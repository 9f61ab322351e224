import type { Locale } from '../../../common/i18n/errors';
import { FieldProblems } from '../../field-problems';
import { CARE_TEXTS } from './care-texts';

export type CareMessageKey = keyof typeof CARE_TEXTS.table;

/** Field problems of the repair-order form and the RO / survey imports (CARE_TEXTS). */
export class CareProblems extends FieldProblems<CareMessageKey> {
  constructor(locale: Locale) {
    super(locale, CARE_TEXTS);
  }
}
