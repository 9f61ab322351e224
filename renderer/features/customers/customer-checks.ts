import { customersEditApi } from '../../../electron/common/api/customers';
import { idNumberProblem, isPlausibleEmail, isValidUscc } from '../../../electron/common/customer-ids';
import { fieldMessage, type FieldMessageKey, type Locale } from '../../../electron/common/i18n/errors';
import type { InputOf } from '../../../electron/common/api/contract';
import { schemaFieldErrors } from '../../ui/schema-errors';

type CreateInput = InputOf<(typeof customersEditApi)['customers.create']>;
type UpdateInput = InputOf<(typeof customersEditApi)['customers.update']>;

/** `phones[0].raw` / `phones.0.raw` → `phones.0`; the list itself (none given) → `phones.0`; `patch.name` → `name`. */
export function fieldKey(path: string): string {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^patch\./, '')
    .replace(/^phones\.(\d+)\.raw$/, 'phones.$1')
    .replace(/^phones$/, 'phones.0');
}

/**
 * What the host would refuse in a customer save, found before the round trip: the method's input
 * schema (required name and phone, lengths, a vehicle's model) and the host's ID-number / credit-code
 * and (new customers) e-mail rules (shared in electron/common), with the host's own messages (FIELD_MESSAGES). As on
 * the host, an ID number or e-mail equal to the stored one is not checked again, so a legacy value
 * does not block saving the other fields. The host still checks everything (phones need the dealer's
 * area code, which only it knows; the 'after today' rules need the dealer's day): this only spares
 * the user a round trip for what is certain to fail.
 */
export function customerSaveProblems(
  input: { kind: 'create'; value: CreateInput } | { kind: 'update'; value: UpdateInput },
  stored: { idNumber: string | null } | undefined,
  locale: Locale,
  required: string,
): Record<string, string> {
  const schema = customersEditApi[input.kind === 'create' ? 'customers.create' : 'customers.update'].input;
  const out = schemaFieldErrors(schema, input.value, { required, keyOf: fieldKey });
  const fields = input.kind === 'create' ? input.value : input.value.patch;
  const say = (key: FieldMessageKey, params: Record<string, unknown> = {}) => fieldMessage(key, locale, params);

  const id = fields.idNumber?.trim().toUpperCase();
  if (id && id !== stored?.idNumber && !out.idNumber) {
    if (fields.kind === 'company') {
      if (!isValidUscc(id)) out.idNumber = say('uscc.invalid');
    } else {
      const problem = idNumberProblem(id);
      if (problem) out.idNumber = say(problem.key, { date: problem.date });
    }
  }
  // The card carries no e-mail to compare with, so on an edit the host alone judges it.
  const email = input.kind === 'create' ? fields.email?.trim() : null;
  if (email && !out.email && !isPlausibleEmail(email)) out.email = say('email.invalid');
  return out;
}
