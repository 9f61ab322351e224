import { useEffect, useState } from 'react';
import { REVISIT_RESULTS, type RevisitContext, type RevisitKind, type RevisitResult } from '../../../../electron/common/api/revisits';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Button, Dialog, FormMessage, SelectField } from '../../../ui';
import { dictLabel, useDictionary } from '../../dictionaries';
import { problemsText, showFieldErrors } from '../../../ui/errors';

/**
 * 回访 form: the template's questions, the result (不满意 needs a reason and ticks 需再次回访),
 * the customer's 免打扰 flags, notes, and the history of past revisits on the same screen.
 */
export function RevisitDialog({ kind, eventId, onClose, onDone }: { kind: RevisitKind; eventId: number; onClose: () => void; onDone: (msg: string) => void }) {
  const { t, locale } = useI18n();
  const reasonsDict = useDictionary('dissatisfaction_reason');
  const models = useDictionary('model');
  const [ctx, setCtx] = useState<RevisitContext | null>(null);
  const [templateId, setTemplateId] = useState<number | null>(null);
  const [answers, setAnswers] = useState<Record<number, number>>({});
  const [result, setResult] = useState<RevisitResult | ''>('');
  const [reasons, setReasons] = useState<string[]>([]);
  const [again, setAgain] = useState(false);
  const [notes, setNotes] = useState('');
  const [dnd, setDnd] = useState({ call: false, sms: false, revisit: false });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('revisits.open', { kind, eventId }).then(
      (c) => {
        setCtx(c);
        setTemplateId(c.templates[0]?.id ?? null);
        setDnd({ call: c.customer.dndCall, sms: c.customer.dndSms, revisit: c.customer.dndRevisit });
      },
      (e) => setMessage(problemsText(e)),
    );
  }, [kind, eventId]);

  const tpl = ctx?.templates.find((x) => x.id === templateId) ?? null;
  const dissatisfied = result === 'dissatisfied';

  const save = async (outcome: 'done' | 'unreachable') => {
    setBusy(true);
    setMessage(null);
    setErrors({});
    try {
      const r = await call('revisits.save', {
        kind,
        eventId,
        outcome,
        templateId,
        answers: Object.entries(answers).map(([q, i]) => ({ questionId: Number(q), optionIndex: i })),
        result: outcome === 'done' && result ? result : null,
        reasons: dissatisfied ? reasons : [],
        needsRevisitAgain: again || dissatisfied,
        notes: notes.trim() || null,
        dnd,
      });
      onDone(outcome === 'unreachable' ? t('rv.saved.unreachable') : r.lowScoreTaskId ? t('rv.saved.lowScore') : t('rv.saved.done'));
    } catch (e) {
      const known = ['result', 'reasons', 'templateId', ...(tpl?.questions.map((q) => `q${q.id}`) ?? [])];
      showFieldErrors(e, known, setErrors, setMessage);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={ctx ? `${t(kind === 'sales' ? 'rv.title.sales' : 'rv.title.repair')} · ${ctx.customer.name}` : t('rv.loading')}
      onClose={onClose}
      width={760}
      closeLabel={t('common.close')}
      actions={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button busy={busy} onClick={() => void save('unreachable')} data-testid="rv-unreachable">
            {t('rv.unreachable')}
          </Button>
          <Button variant="primary" busy={busy} onClick={() => void save('done')} data-testid="rv-save">
            {t('rv.save')}
          </Button>
        </>
      }
    >
      {ctx && (
        <div className="rv-form">
          <div className="rv-facts">
            <span>{ctx.customer.phone ?? '—'}</span>
            <span>{ctx.vehicle ? `${ctx.vehicle.plate ?? ''} ${dictLabel(models, ctx.vehicle.model, locale)} ${ctx.vehicle.vin}` : ''}</span>
            <span>
              {t(kind === 'sales' ? 'rv.col.deliveryDate' : 'rv.col.repairDate')} {ctx.date}
            </span>
            {ctx.items && (
              <span data-testid="rv-items">
                {t('rv.col.items')}: {ctx.items}
              </span>
            )}
          </div>
          <SelectField
            label={t('rv.template')}
            value={templateId != null ? String(templateId) : ''}
            onChange={(v) => setTemplateId(v ? Number(v) : null)}
            options={ctx.templates.map((x) => ({ value: String(x.id), label: x.name }))}
            error={errors.templateId}
          />
          {tpl?.questions.map((q, qi) => (
            <fieldset key={q.id} className="rv-question" data-testid={`rv-q-${qi}`}>
              <legend>
                {qi + 1}. {q.text}
                {q.required ? ' *' : ''}
              </legend>
              {q.options.map((o, oi) => (
                <label key={oi} className="rv-option">
                  <input type="radio" name={`rv-q-${q.id}`} checked={answers[q.id] === oi} onChange={() => setAnswers({ ...answers, [q.id]: oi })} />
                  {o.label}
                </label>
              ))}
              {errors[`q${q.id}`] && <div className="field-error">{errors[`q${q.id}`]}</div>}
            </fieldset>
          ))}
          <fieldset className="rv-question">
            <legend>{t('rv.result')} *</legend>
            {REVISIT_RESULTS.map((r) => (
              <label key={r} className="rv-option">
                <input type="radio" name="rv-result" value={r} checked={result === r} onChange={() => setResult(r)} data-testid={`rv-result-${r}`} />
                {t(`rv.result.${r}`)}
              </label>
            ))}
            {errors.result && <div className="field-error">{errors.result}</div>}
          </fieldset>
          {dissatisfied && (
            <fieldset className="rv-question" data-testid="rv-reasons">
              <legend>{t('rv.reasons')} *</legend>
              {reasonsDict.map((d) => (
                <label key={d.code} className="rv-option">
                  <input
                    type="checkbox"
                    checked={reasons.includes(d.code)}
                    onChange={(e) => {
                      setReasons(e.target.checked ? [...reasons, d.code] : reasons.filter((x) => x !== d.code));
                      setErrors(({ reasons: _r, ...rest }) => rest);
                    }}
                  />
                  {locale === 'en' ? d.en : d.zh}
                </label>
              ))}
              {errors.reasons && <div className="field-error">{errors.reasons}</div>}
            </fieldset>
          )}
          <label className="rv-option">
            <input type="checkbox" checked={again || dissatisfied} disabled={dissatisfied} onChange={(e) => setAgain(e.target.checked)} data-testid="rv-again" />
            {t('rv.needsAgain')}
          </label>
          <fieldset className="rv-question">
            <legend>{t('rv.dnd')}</legend>
            {(['call', 'sms', 'revisit'] as const).map((k) => (
              <label key={k} className="rv-option">
                <input type="checkbox" checked={dnd[k]} onChange={(e) => setDnd({ ...dnd, [k]: e.target.checked })} data-testid={`rv-dnd-${k}`} />
                {t(`rv.dnd.${k}`)}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label className="field-label" htmlFor="rv-notes">
              {t('rv.notes')}
            </label>
            <textarea id="rv-notes" className="rv-textarea" value={notes} maxLength={2000} onChange={(e) => setNotes(e.target.value)} />
          </div>
          <FormMessage>{message}</FormMessage>
          <h3 className="rv-subtitle">{t('rv.history')}</h3>
          {ctx.history.length === 0 ? (
            <div className="rv-muted">{t('rv.history.none')}</div>
          ) : (
            <ul className="rv-history" data-testid="rv-history">
              {ctx.history.map((h) => (
                <li key={h.id}>
                  {new Date(h.at).toLocaleString()} · {t(h.kind === 'sales' ? 'rv.title.sales' : 'rv.title.repair')} · {h.status === 'unreachable' ? t('rv.tab.unreachable') : h.result ? t(`rv.result.${h.result}`) : ''}
                  {h.score != null ? ` · ${h.score}` : ''}
                  {h.reasons.length ? ` · ${h.reasons.map((c) => reasonsDict.find((d) => d.code === c)?.[locale === 'en' ? 'en' : 'zh'] ?? c).join('、')}` : ''}
                  {h.agentName ? ` · ${h.agentName}` : ''}
                  {h.notes ? ` — ${h.notes}` : ''}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {!ctx && <FormMessage>{message}</FormMessage>}
    </Dialog>
  );
}
