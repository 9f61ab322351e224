import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { PLAN_TEMPLATE_MIN_STEPS, type ActivityType, type PlanTemplateStep, type PlanTemplateView } from '../../../../electron/common/api/activities';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Button, Form, FormActions, FormMessage, TextField, Toolbar, useToast } from '../../../ui';
import { typeOptions } from './format';
import { errorText } from '../../../ui/errors';

interface Draft {
  id: number | null;
  name: string;
  steps: { type: string; subject: string; offsetDays: string; stage: string | null }[];
}
const blankStep = () => ({ type: 'call', subject: '', offsetDays: '0', stage: null });
const newDraft = (): Draft => ({ id: null, name: '', steps: Array.from({ length: PLAN_TEMPLATE_MIN_STEPS }, blankStep) });
const toDraft = (t: PlanTemplateView): Draft => ({ id: t.id, name: t.name, steps: t.steps.map((s) => ({ type: s.type, subject: s.subject, offsetDays: String(s.offsetDays), stage: s.stage ?? null })) });

/** 跟进计划模板 for managers: edit the steps (at least 4, checked by the server too), deactivate, reactivate. */
export function TemplatesPanel({ switcher }: { switcher?: ReactNode }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const [list, setList] = useState<PlanTemplateView[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(errorText(e));
  const load = useCallback(() => {
    call('planTemplates.list', { includeInactive: true }).then(setList, fail);
  }, []);
  useEffect(load, [load]);

  const setStep = (i: number, patch: Partial<Draft['steps'][number]>) => setDraft((d) => d && { ...d, steps: d.steps.map((s, k) => (k === i ? { ...s, ...patch } : s)) });
  const save = async () => {
    if (!draft) return;
    setError(null);
    const steps: PlanTemplateStep[] = draft.steps.map((s) => ({ type: s.type as ActivityType, subject: s.subject.trim(), offsetDays: Number(s.offsetDays) || 0, stage: s.stage }));
    try {
      const saved = draft.id === null ? await call('planTemplates.create', { name: draft.name.trim(), steps }) : await call('planTemplates.update', { id: draft.id, name: draft.name.trim(), steps });
      setDraft(toDraft(saved));
      toast.success(t('act.saved'));
      load();
    } catch (e) {
      fail(e);
    }
  };
  const toggle = async (tpl: PlanTemplateView) => {
    try {
      await call('planTemplates.deactivate', { id: tpl.id, active: !tpl.active });
      load();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <div className="screen" data-testid="templates-panel">
      <Toolbar title={t('act.tab.templates')}>
        {switcher}
        <Button variant="primary" onClick={() => setDraft(newDraft())}>
          {t('act.tpl.new')}
        </Button>
      </Toolbar>
      <FormMessage>{error}</FormMessage>
      <ul className="card-list">
        {list.map((tpl) => (
          <li key={tpl.id}>
            <button type="button" className="link" onClick={() => setDraft(toDraft(tpl))}>
              {tpl.name}
            </button>{' '}
            <span className="muted small">
              {tpl.steps.length} {t('act.steps')}
            </span>{' '}
            {!tpl.active && <span className="badge">{t('act.tpl.inactive')}</span>}{' '}
            <Button size="small" variant="quiet" onClick={() => void toggle(tpl)}>
              {tpl.active ? t('act.tpl.deactivate') : t('act.tpl.activate')}
            </Button>
          </li>
        ))}
      </ul>
      {draft && (
        <section className="card-section" style={{ maxWidth: 820 }}>
          <Form onSubmit={save} aria-label={t('act.tab.templates')}>
            <TextField label={t('act.tpl.name')} value={draft.name} onChange={(name) => setDraft({ ...draft, name })} required maxLength={60} />
            <table className="table card-table">
              <thead>
                <tr>
                  <th>#</th>
                  <th>{t('act.f.type')}</th>
                  <th>{t('act.f.subject')}</th>
                  <th>{t('act.tpl.offset')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {draft.steps.map((s, i) => (
                  <tr key={i}>
                    <td>{i + 1}</td>
                    <td>
                      <select className="input" aria-label={t('act.f.type')} value={s.type} onChange={(e) => setStep(i, { type: e.target.value })}>
                        {typeOptions(locale).map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input className="input" aria-label={t('act.f.subject')} value={s.subject} maxLength={200} onChange={(e) => setStep(i, { subject: e.target.value })} />
                    </td>
                    <td>
                      <input className="input" aria-label={t('act.tpl.offset')} type="number" min={0} max={3650} style={{ width: 80 }} value={s.offsetDays} onChange={(e) => setStep(i, { offsetDays: e.target.value })} />
                    </td>
                    <td>
                      <Button size="small" variant="quiet" onClick={() => setDraft({ ...draft, steps: draft.steps.filter((_, k) => k !== i) })}>
                        {t('act.tpl.removeStep')}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted small">{t('act.tpl.minSteps', { n: PLAN_TEMPLATE_MIN_STEPS })}</p>
            <FormActions>
              <Button onClick={() => setDraft({ ...draft, steps: [...draft.steps, blankStep()] })}>{t('act.tpl.addStep')}</Button>
              <Button type="submit" variant="primary">
                {t('act.tpl.save')}
              </Button>
              <Button onClick={() => setDraft(null)}>{t('common.cancel')}</Button>
            </FormActions>
          </Form>
        </section>
      )}
    </div>
  );
}
