import { useState } from 'react';
import type { DictionaryItem } from '../../../../electron/common/api/customers';
import { fromLocalInput, toLocalInput, tomorrowAtTen } from '../../../../electron/common/dates';
import { isApiError } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { SelectField, TextField } from '../../../ui';
import { useDictionary } from '../../dictionaries';
import { splitFieldErrors } from '../../../ui/errors';

export type Errors = Record<string, string>;

export const dictLabelOf = (d: DictionaryItem, locale: string) => (locale === 'en' ? d.en : d.zh);

export interface NextActivityValue {
  type: string;
  plannedAt: string; // datetime-local
  subject: string;
}

/** Tomorrow 10:00 as the default time of the next contact. */
export function defaultNextActivity(subject = ''): NextActivityValue {
  return { type: 'call', plannedAt: toLocalInput(tomorrowAtTen()), subject };
}

export const nextActivityInput = (v: NextActivityValue) => ({ type: v.type, plannedAt: fromLocalInput(v.plannedAt), subject: v.subject.trim() });

/** The "next planned activity" an open opportunity must have: type, time, subject. */
export function NextActivityFields({ value, onChange, errors }: { value: NextActivityValue; onChange: (v: NextActivityValue) => void; errors: Errors }) {
  const { t, locale } = useI18n();
  const types = useDictionary('activity_type');
  const options = types.length ? types.map((d) => ({ value: d.code, label: dictLabelOf(d, locale) })) : [{ value: 'call', label: t('opp.activity.call') }];
  return (
    <fieldset className="opp-next" data-testid="opp-next-activity">
      <legend>{t('opp.nextActivity')}</legend>
      <div className="form-grid">
        <SelectField label={t('opp.nextActivity.type')} value={value.type} onChange={(type) => onChange({ ...value, type })} options={options} error={errors['nextActivity.type']} />
        <TextField
          label={t('opp.nextActivity.plannedAt')}
          type="datetime-local"
          value={value.plannedAt}
          onChange={(plannedAt) => onChange({ ...value, plannedAt })}
          error={errors['nextActivity.plannedAt']}
          name="nextPlannedAt"
        />
        <TextField
          label={t('opp.nextActivity.subject')}
          value={value.subject}
          onChange={(subject) => onChange({ ...value, subject })}
          error={errors['nextActivity.subject'] ?? errors.nextActivity}
          maxLength={200}
          name="nextSubject"
        />
      </div>
    </fieldset>
  );
}

/** Small state helper for the dialogs: values, field errors, a message line and a busy flag. */
export function useFormState<V extends object>(initial: V) {
  const [v, setV] = useState<V>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A save refused because someone else saved the record first (STALE_RECORD): the server's message
  // and the record as it is now; the dialog shows both and bases its next save on that version.
  const [stale, setStale] = useState<{ message: string; current: unknown } | null>(null);
  const set =
    <K extends keyof V>(k: K) =>
    (value: V[K]) =>
      setV((x) => ({ ...x, [k]: value }));
  /**
   * Runs a save: busy while it runs, the old message cleared, and a refusal split into messages
   * under the `known` fields plus one line for the rest. `headline` names a field whose problem
   * also becomes that line when there is no other (a field the form shows no input for).
   */
  const submit = async (known: readonly string[], save: () => Promise<void>, headline?: string) => {
    setBusy(true);
    setMessage(null);
    try {
      await save();
    } catch (e) {
      if (isApiError(e, 'STALE_RECORD') && e.details.current) {
        setErrors({});
        setStale({ message: e.message, current: e.details.current });
        return;
      }
      const s = splitFieldErrors(e, known);
      setErrors(s.fields);
      setMessage(s.message ?? (headline ? (s.fields[headline] ?? null) : null));
    } finally {
      setBusy(false);
    }
  };
  return { v, setV, set, errors, setErrors, message, setMessage, busy, setBusy, submit, stale };
}
