import { useEffect, useState } from 'react';
import type { ActivityType, ActivityView, PlanTemplateView } from '../../../../electron/common/api/activities';
import type { OpportunityRow } from '../../../../electron/common/api/customers';
import { call, isApiError } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Button, Dialog, Form, FormActions, FormMessage, SelectField, StaleRecordNotice, TextField } from '../../../ui';
import { stageLabel, statusLabel, typeOptions } from './format';
import { fmtDateTime, fromLocalInput, localToday, toLocalInput, tomorrowAtTen } from '../../../../electron/common/dates';
import { errorText, fieldErrors } from '../../../ui/errors';
import { useLoad } from '../../../ui/use-load';

type FieldErrors = Record<string, string>;

/** The server's message and its per-field messages (INVALID_INPUT details.fields). */
const errorsOf = (e: unknown): { message: string; fields: FieldErrors } => ({ message: errorText(e), fields: fieldErrors(e) });

export interface NextDraft {
  type: string;
  at: string;
  subject: string;
}
export const emptyNext = (): NextDraft => ({ type: 'call', at: toLocalInput(tomorrowAtTen()), subject: '' });
const nextInput = (d: NextDraft) => ({ type: d.type as ActivityType, plannedAt: fromLocalInput(d.at), subject: d.subject.trim() });

/** Type, time and subject of a planned activity. */
function PlannedFields({ value, onChange, error }: { value: NextDraft; onChange: (v: NextDraft) => void; error?: string | null }) {
  const { t, locale } = useI18n();
  return (
    <div className="form-grid">
      <SelectField label={t('act.f.type')} value={value.type} onChange={(type) => onChange({ ...value, type })} options={typeOptions(locale)} />
      <TextField label={t('act.f.plannedAt')} type="datetime-local" value={value.at} onChange={(at) => onChange({ ...value, at })} required />
      <TextField label={t('act.f.subject')} value={value.subject} onChange={(subject) => onChange({ ...value, subject })} error={error} required maxLength={200} data-testid="next-subject" />
    </div>
  );
}

/**
 * 完成 / 取消 an activity. For an open opportunity the next follow-up is asked for at once (the
 * server refuses the last planned one without it, and its message is shown under the section).
 */
export function CloseActivityDialog({ activity, mode, onClose, onDone }: { activity: ActivityView; mode: 'complete' | 'cancel'; onClose: () => void; onDone: () => void }) {
  const { t, locale } = useI18n();
  // Someone else changed the activity since the list loaded it (STALE_RECORD): its current state,
  // shown next to what the user had opened; the next save is based on it, the typed text is kept.
  const [stale, setStale] = useState<{ message: string; current: ActivityView } | null>(null);
  const base = stale?.current ?? activity;
  const [result, setResult] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [withNext, setWithNext] = useState(activity.opportunityStatus === 'open');
  const [next, setNext] = useState<NextDraft>(emptyNext);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});

  const submit = async () => {
    setError(null);
    setFields({});
    if (mode === 'complete' && !result.trim()) return setFields({ result: t('common.required') });
    if (withNext && (!next.subject.trim() || Number.isNaN(fromLocalInput(next.at)))) return setFields({ next: t('common.required') });
    try {
      const n = withNext ? nextInput(next) : null;
      if (mode === 'complete') await call('activities.complete', { id: activity.id, expectedVersion: base.version, result: result.trim(), nextStep: nextStep.trim() || null, next: n });
      else await call('activities.cancel', { id: activity.id, expectedVersion: base.version, reason: result.trim() || null, next: n });
      onDone();
    } catch (e) {
      if (isApiError(e, 'STALE_RECORD') && e.details.current) return setStale({ message: e.message, current: e.details.current as ActivityView });
      const r = errorsOf(e);
      if (r.fields.next) setWithNext(true);
      setFields(r.fields);
      setError(r.fields.next ? null : r.message);
    }
  };

  return (
    <Dialog title={`${mode === 'complete' ? t('act.complete') : t('act.cancelActivity')} · ${activity.customerName}`} onClose={onClose} closeLabel={t('common.close')} width={560}>
      <Form onSubmit={submit} aria-label={mode === 'complete' ? t('act.complete') : t('act.cancelActivity')}>
        <p className="muted">{activity.subject}</p>
        <TextField label={mode === 'complete' ? t('act.f.result') : t('act.f.reason')} value={result} onChange={setResult} error={fields.result} maxLength={1000} data-autofocus data-testid="result" />
        {mode === 'complete' && <TextField label={t('act.f.nextStep')} value={nextStep} onChange={setNextStep} maxLength={500} />}
        <fieldset className="card-section" data-testid="next-section">
          <label>
            <input type="checkbox" checked={withNext} onChange={(e) => setWithNext(e.target.checked)} /> {t('act.next.add')}
          </label>
          {activity.opportunityStatus === 'open' && <p className="muted small">{t('act.next.hint')}</p>}
          {withNext && <PlannedFields value={next} onChange={setNext} />}
          {fields.next && (
            <div className="field-error" role="alert" data-testid="next-error">
              {fields.next}
            </div>
          )}
        </fieldset>
        {stale && (
          <StaleRecordNotice
            message={stale.message}
            mineLabel={t('stale.opened')}
            fields={(
              [
                ['status', t('act.f.status'), (a: ActivityView) => statusLabel(a.status, locale)],
                ['plannedAt', t('act.f.plannedAt'), (a: ActivityView) => fmtDateTime(a.plannedAt)],
                ['owner', t('act.f.owner'), (a: ActivityView) => a.ownerName ?? ''],
                ['subject', t('act.f.subject'), (a: ActivityView) => a.subject ?? ''],
                ['result', t('act.f.result'), (a: ActivityView) => a.result ?? ''],
              ] as const
            ).map(([key, label, text]) => ({ key, label, theirs: text(stale.current), mine: text(activity), changed: text(stale.current) !== text(activity) }))}
          />
        )}
        <FormMessage>{error}</FormMessage>
        <FormActions>
          <Button type="submit" variant="primary">
            {t('common.ok')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </FormActions>
      </Form>
    </Dialog>
  );
}

/** Open opportunities of a customer (from the card), for the plan and template dialogs. */
function useOpenOpportunities(customerId: number): OpportunityRow[] | null {
  const [opps, setOpps] = useState<OpportunityRow[] | null>(null);
  useLoad(
    () => call('customers.get', { id: customerId }),
    [customerId],
    (c) => setOpps((c.opportunities?.items ?? []).filter((o) => o.status === 'open')),
    () => setOpps([]),
  );
  return opps;
}

function OpportunitySelect({ opps, value, onChange }: { opps: OpportunityRow[]; value: string; onChange: (v: string) => void }) {
  const { t, locale } = useI18n();
  return (
    <SelectField
      label={t('act.f.opportunity')}
      value={value}
      onChange={onChange}
      options={[{ value: '', label: '—' }, ...opps.map((o) => ({ value: String(o.id), label: `#${o.id} ${stageLabel(o.stage, locale)}${o.model ? ` · ${o.model}` : ''}` }))]}
    />
  );
}

/** 新建计划: one planned activity on the customer (and one of their open opportunities). */
export function PlanDialog({ customerId, opportunityId, onClose, onDone }: { customerId: number; opportunityId?: number | null; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const opps = useOpenOpportunities(customerId);
  const [opp, setOpp] = useState(opportunityId ? String(opportunityId) : '');
  const [draft, setDraft] = useState<NextDraft>(emptyNext);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!opp && opps?.length === 1) setOpp(String(opps[0]!.id));
  }, [opps, opp]);
  const submit = async () => {
    setError(null);
    if (!draft.subject.trim() || Number.isNaN(fromLocalInput(draft.at))) return setError(t('common.required'));
    try {
      await call('activities.plan', { customerId, ...(opp ? { opportunityId: Number(opp) } : {}), ...nextInput(draft) });
      onDone();
    } catch (e) {
      setError(errorsOf(e).message);
    }
  };
  return (
    <Dialog title={t('act.plan')} onClose={onClose} closeLabel={t('common.close')} width={560}>
      <Form onSubmit={submit} aria-label={t('act.plan')}>
        {opps && opps.length > 0 && <OpportunitySelect opps={opps} value={opp} onChange={setOpp} />}
        <PlannedFields value={draft} onChange={setDraft} />
        <FormMessage>{error}</FormMessage>
        <FormActions>
          <Button type="submit" variant="primary">
            {t('common.ok')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </FormActions>
      </Form>
    </Dialog>
  );
}

/** 应用跟进模板: the template's steps become planned activities of an open opportunity, in one click. */
export function ApplyTemplateDialog({ customerId, opportunityId, onClose, onDone }: { customerId: number; opportunityId?: number | null; onClose: () => void; onDone: (n: number) => void }) {
  const { t } = useI18n();
  const opps = useOpenOpportunities(customerId);
  const [templates, setTemplates] = useState<PlanTemplateView[]>([]);
  const [tpl, setTpl] = useState('');
  const [opp, setOpp] = useState(opportunityId ? String(opportunityId) : '');
  const [start, setStart] = useState(localToday());
  const [time, setTime] = useState('10:00');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('planTemplates.list', {}).then(
      (l) => {
        setTemplates(l);
        if (l[0]) setTpl(String(l[0].id));
      },
      (e: unknown) => setError(errorsOf(e).message),
    );
  }, []);
  useEffect(() => {
    if (!opp && opps?.length) setOpp(String(opps[0]!.id));
  }, [opps, opp]);
  const chosen = templates.find((x) => String(x.id) === tpl);
  const submit = async () => {
    setError(null);
    if (!opp) return setError(t('act.selectOpportunity'));
    try {
      const acts = await call('planTemplates.apply', { templateId: Number(tpl), opportunityId: Number(opp), startDate: start, time });
      onDone(acts.length);
    } catch (e) {
      setError(errorsOf(e).message);
    }
  };
  return (
    <Dialog title={t('act.applyTemplate')} onClose={onClose} closeLabel={t('common.close')} width={560}>
      <Form onSubmit={submit} aria-label={t('act.applyTemplate')}>
        {opps && opps.length === 0 && !opportunityId ? <FormMessage>{t('act.noOpenOpportunity')}</FormMessage> : opps && <OpportunitySelect opps={opps} value={opp} onChange={setOpp} />}
        <SelectField label={t('act.f.template')} value={tpl} onChange={setTpl} options={templates.map((x) => ({ value: String(x.id), label: x.name }))} />
        {chosen && (
          <ol className="card-list" data-testid="template-steps">
            {chosen.steps.map((s, i) => (
              <li key={i}>{t('act.step', { n: s.offsetDays, subject: s.subject })}</li>
            ))}
          </ol>
        )}
        <div className="form-grid">
          <TextField label={t('act.f.startDate')} type="date" value={start} onChange={setStart} required />
          <TextField label={t('act.f.time')} type="time" value={time} onChange={setTime} required />
        </div>
        <FormMessage>{error}</FormMessage>
        <FormActions>
          <Button type="submit" variant="primary" disabled={!tpl}>
            {t('common.ok')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </FormActions>
      </Form>
    </Dialog>
  );
}
