import type { Locale } from '../../../common/i18n/errors';
import { FieldProblems } from '../../field-problems';
import { SERVICE_DESK_TEXTS } from './service-desk-texts';

export type ServiceDeskMessageKey = keyof typeof SERVICE_DESK_TEXTS.table;

/** Field problems of the appointment and solicitation forms, thrown at once as INVALID_INPUT with `fields`. */
export class ServiceDeskProblems extends FieldProblems<ServiceDeskMessageKey> {
  constructor(locale: Locale) {
    super(locale, SERVICE_DESK_TEXTS);
  }
}
