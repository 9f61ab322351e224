import { useCallback, useEffect, useState } from 'react';
import type { RevisitKind, RevisitTemplate } from '../../../../electron/common/api/revisits';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Button, FormMessage, TextField, useToast } from '../../../ui';
import { problemsText } from '../../../ui/errors';

interface Draft {
  id?: number;
  name: string;
  active: boolean;
  questions: { text: string; required: boolean; options: string }[];
}

// Options are typed as "label:score, label:score" — one line per question keeps the editor small.
const optionsText = (o: { label: string; score: number }[]) => o.map((x) => `${x.label}:${x.score}`).join(', ');
const parseOptions = (s: string) =>
  s
    .split(/[,,]/)
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => {
      const [label, score] = x.split(/[::]/);
      return { label: (label ?? '').trim(), score: Number(score ?? 0) || 0 };
    });

const blank = (kind: RevisitKind): Draft => ({
  name: kind === 'sales' ? '销售回访 ' : '维修回访 ',
  active: true,
  questions: [{ text: '', required: true, options: '满意:10, 一般:6, 不满意:0' }],
});

/** 回访模板 (客服经理 / 管理员): the name must contain 销售 or 维修, which decides where it is offered. */
export function TemplateEditor({ kind }: { kind: RevisitKind }) {
  const { t } = useI18n();
  const toast = useToast();
  const [list, setList] = useState<RevisitTemplate[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    call('revisits.templates.list', { includeInactive: true }).then(setList, () => setList([]));
  }, []);
  useEffect(load, [load]);

  const edit = (x: RevisitTemplate) =>
    setDraft({ id: x.id, name: x.name, active: x.active, questions: x.questions.map((q) => ({ text: q.text, required: q.required, options: optionsText(q.options) })) });

  const save = async () => {
    if (!draft) return;
    setBusy(true);
    setMessage(null);
    try {
      await call('revisits.templates.save', {
        ...(draft.id ? { id: draft.id } : {}),
        name: draft.name,
        active: draft.active,
        questions: draft.questions.map((q) => ({ text: q.text, required: q.required, options: parseOptions(q.options) })),
      });
      toast.show(t('rv.tpl.saved'));
      setDraft(null);
      load();
    } catch (e) {
      setMessage(problemsText(e));
    } finally {
      setBusy(false);
    }
  };

  const setQ = (i: number, patch: Partial<Draft['questions'][number]>) => draft && setDraft({ ...draft, questions: draft.questions.map((q, j) => (j === i ? { ...q, ...patch } : q)) });

  return (
    <div className="rv-templates" data-testid="rv-templates">
      <p className="rv-muted">{t('rv.tpl.rule')}</p>
      <ul className="rv-history">
        {list.map((x) => (
          <li key={x.id}>
            <Button onClick={() => edit(x)}>{x.name}</Button> · {t(x.kind === 'sales' ? 'rv.title.sales' : 'rv.title.repair')} · {x.questions.length} {t('rv.tpl.questions')}
            {x.active ? '' : ` · ${t('rv.tpl.inactive')}`}
          </li>
        ))}
      </ul>
      {!draft && (
        <Button onClick={() => setDraft(blank(kind))} data-testid="rv-tpl-new">
          {t('rv.tpl.new')}
        </Button>
      )}
      {draft && (
        <div className="rv-form">
          <TextField label={t('rv.tpl.name')} hint={t('rv.tpl.rule')} value={draft.name} onChange={(name) => setDraft({ ...draft, name })} data-testid="rv-tpl-name" />
          <label className="rv-option">
            <input type="checkbox" checked={draft.active} onChange={(e) => setDraft({ ...draft, active: e.target.checked })} />
            {t('rv.tpl.active')}
          </label>
          {draft.questions.map((q, i) => (
            <fieldset key={i} className="rv-question">
              <legend>
                {t('rv.tpl.question')} {i + 1}
              </legend>
              <TextField label={t('rv.tpl.text')} value={q.text} onChange={(text) => setQ(i, { text })} />
              <TextField label={t('rv.tpl.options')} hint={t('rv.tpl.optionsHint')} value={q.options} onChange={(options) => setQ(i, { options })} />
              <label className="rv-option">
                <input type="checkbox" checked={q.required} onChange={(e) => setQ(i, { required: e.target.checked })} />
                {t('rv.tpl.required')}
              </label>
              <Button onClick={() => setDraft({ ...draft, questions: draft.questions.filter((_, j) => j !== i) })}>{t('rv.tpl.remove')}</Button>
            </fieldset>
          ))}
          <Button onClick={() => setDraft({ ...draft, questions: [...draft.questions, { text: '', required: true, options: '满意:10, 一般:6, 不满意:0' }] })}>{t('rv.tpl.add')}</Button>
          <FormMessage>{message}</FormMessage>
          <div className="rv-actions">
            <Button onClick={() => setDraft(null)}>{t('common.cancel')}</Button>
            <Button variant="primary" busy={busy} onClick={() => void save()} data-testid="rv-tpl-save">
              {t('common.ok')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
