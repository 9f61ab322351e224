import { useEffect, useState } from 'react';
import { dictionaryCodeSchema, serviceIntervalsSchema, type DictionaryEntryRow, type ServiceIntervals } from '../../../electron/common/api/dictionaries';
import { call } from '../../api';
import { useI18n, usePrefixedT } from '../../i18n/react';
import { Button, Dialog, FormMessage, TextField } from '../../ui';
import { errorText } from '../../ui/errors';

export type EntryDraft = Omit<DictionaryEntryRow, 'id' | 'intervals'> & { id: number | null };

const INTERVAL_KEYS = ['firstKm', 'firstMonths', 'km', 'months'] as const;
type IntervalText = Record<(typeof INTERVAL_KEYS)[number], string>;
const EMPTY_INTERVALS: IntervalText = { firstKm: '', firstMonths: '', km: '', months: '' };

/** Four blanks = the defaults (null); four numbers in range = the model's own; anything else = a problem. */
function parseIntervals(v: IntervalText): ServiceIntervals | null | 'invalid' {
  if (INTERVAL_KEYS.every((k) => v[k].trim() === '')) return null;
  const parsed = serviceIntervalsSchema.safeParse(Object.fromEntries(INTERVAL_KEYS.map((k) => [k, Number(v[k].trim() || NaN)])));
  return parsed.success ? parsed.data : 'invalid';
}

/**
 * One item of a list, new or edited. The code is typed once (records store it) and shown read-only
 * afterwards; the checks are the contract's own schema, so the form and the server agree.
 */
export function EntryDialog({ draft, listName, onClose, onSaved }: { draft: EntryDraft; listName: string; onClose: () => void; onSaved: (row: DictionaryEntryRow) => void }) {
  const { t } = useI18n();
  const tx = usePrefixedT('dicts.');
  const [code, setCode] = useState(draft.code);
  const [zh, setZh] = useState(draft.zh);
  const [en, setEn] = useState(draft.en);
  const [sort, setSort] = useState(String(draft.sort));
  const [active, setActive] = useState(draft.active);
  const isModel = draft.kind === 'model';
  const [intervals, setIntervals] = useState<IntervalText>(EMPTY_INTERVALS);
  // A model's intervals are not in the grid's row: read the item once when it is opened.
  useEffect(() => {
    if (!isModel || draft.id === null) return;
    call('admin.dictionaries.get', { id: draft.id }).then(
      (r) => r.intervals && setIntervals(Object.fromEntries(INTERVAL_KEYS.map((k) => [k, String(r.intervals![k])])) as IntervalText),
      () => undefined,
    );
  }, [isModel, draft.id]);
  const parsedIntervals = isModel ? parseIntervals(intervals) : null;
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isNew = draft.id === null;

  const sortNum = Number(sort);
  const errors = {
    code: isNew && !dictionaryCodeSchema.safeParse(code).success ? tx('codeInvalid') : null,
    zh: zh.trim() && zh.trim().length <= 60 ? null : tx('labelRequired'),
    en: en.trim() && en.trim().length <= 60 ? null : tx('labelRequired'),
    sort: /^\d{1,4}$/.test(sort.trim()) ? null : tx('sortInvalid'),
    intervals: parsedIntervals === 'invalid' ? tx('intervalsInvalid') : null,
  };
  const show = (e: string | null) => (shown ? e : null);

  const save = async () => {
    setShown(true);
    if (Object.values(errors).some(Boolean)) return;
    const modelIntervals = isModel && parsedIntervals !== 'invalid' ? { intervals: parsedIntervals } : {};
    try {
      const row =
        draft.id === null
          ? await call('admin.dictionaries.create', { kind: draft.kind, code: code.trim(), zh, en, sort: sortNum, active, ...modelIntervals })
          : await call('admin.dictionaries.update', { id: draft.id, zh, en, sort: sortNum, active, ...modelIntervals });
      onSaved(row);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Dialog
      title={tx(isNew ? 'addTitle' : 'editTitle', { list: listName })}
      onClose={onClose}
      width={520}
      actions={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" onClick={() => void save()}>
            {tx('save')}
          </Button>
        </>
      }
    >
      <div className="form dicts-form">
        <TextField label={tx('code')} value={code} onChange={setCode} readOnly={!isNew} error={show(errors.code)} hint={isNew ? tx('codeHint') : undefined} data-autofocus={isNew || undefined} />
        <TextField label={tx('zh')} value={zh} onChange={setZh} error={show(errors.zh)} data-autofocus={!isNew || undefined} />
        <TextField label={tx('en')} value={en} onChange={setEn} error={show(errors.en)} />
        <TextField label={tx('sort')} value={sort} onChange={setSort} inputMode="numeric" error={show(errors.sort)} hint={tx('sortHint')} />
        {isModel && (
          <fieldset className="dicts-intervals" data-testid="dict-intervals">
            <legend>{tx('intervals')}</legend>
            {INTERVAL_KEYS.map((k) => (
              <TextField key={k} label={tx(k)} value={intervals[k]} onChange={(v) => setIntervals({ ...intervals, [k]: v })} inputMode="numeric" />
            ))}
            <FormMessage>{show(errors.intervals)}</FormMessage>
          </fieldset>
        )}
        <label className="checkbox">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> {tx('active')}
        </label>
        <div className="field-hint">{tx('activeHint')}</div>
        <FormMessage>{error}</FormMessage>
      </div>
    </Dialog>
  );
}
