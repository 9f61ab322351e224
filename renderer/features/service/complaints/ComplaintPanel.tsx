import { useCallback, useEffect, useState } from 'react';
import type { ComplaintDetail } from '../../../../electron/common/api/complaints';
import { call, isApiError } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Button, Dialog, FormMessage, SelectField, StaleRecordNotice, Table, TextField } from '../../../ui';
import { dictLabel, useDictionary } from '../../dictionaries';
import { errorText } from '../../../ui/errors';

type Step = 'assign' | 'handle' | 'close' | 'reopen';

/**
 * One complaint: its facts, the next step the caller may take, and the history. A closed
 * complaint's result is shown read-only (the server refuses a change as well); a manager can
 * reopen it with a reason, and the history keeps the old result and the reopening.
 */
export function ComplaintPanel({ id, onClose, onChanged }: { id: number; onClose: () => void; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const sources = useDictionary('complaint_source');
  const categories = useDictionary('complaint_category');
  const [c, setC] = useState<ComplaintDetail | null>(null);
  const [assignees, setAssignees] = useState<{ id: number; name: string }[]>([]);
  const [assignee, setAssignee] = useState('');
  const [note, setNote] = useState('');
  const [result, setResult] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A step refused because someone else changed the complaint since it was shown (STALE_RECORD):
  // the message, and the complaint as the user had it, to compare with the current one now shown.
  const [stale, setStale] = useState<{ message: string; opened: ComplaintDetail; result: string; loaded: boolean } | null>(null);

  const show = useCallback((d: ComplaintDetail) => {
    setC(d);
    setResult(d.result ?? '');
  }, []);
  useEffect(() => {
    call('complaints.get', { id }).then(show, (e: unknown) => setError(errorText(e)));
    call('complaints.assignees', {}).then(setAssignees, () => setAssignees([]));
  }, [id, show]);

  const run = async (step: Step) => {
    if (!c) return;
    setBusy(true);
    setError(null);
    // Each step names the version of the complaint the panel shows.
    const expectedVersion = c.version;
    try {
      const d =
        step === 'assign'
          ? await call('complaints.assign', { id, expectedVersion, assigneeId: Number(assignee) })
          : step === 'handle'
            ? await call('complaints.handle', { id, expectedVersion, note })
            : step === 'close'
              ? await call('complaints.close', { id, expectedVersion, result })
              : await call('complaints.reopen', { id, expectedVersion, reason });
      show(d);
      setNote('');
      setReason('');
      setStale(null);
      onChanged();
    } catch (e) {
      if (isApiError(e, 'STALE_RECORD') && e.details.current) {
        // Show the current complaint (its steps follow its state), but keep what the user typed:
        // the result, note and reason fields are left as they are.
        const current = e.details.current as ComplaintDetail;
        // A complaint closed meanwhile shows its locked result (the field is read-only then); what
        // the user typed stays listed in the notice.
        setStale({ message: e.message, opened: c, result, loaded: current.status === 'closed' });
        setC(current);
        if (current.status === 'closed') setResult(current.result ?? '');
        onChanged();
      } else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const closed = c?.status === 'closed';
  return (
    <Dialog title={c ? `${t('nav.service.complaints')} #${c.id} · ${c.customerName}` : t('nav.service.complaints')} onClose={onClose} width={720}>
      {c && (
        <div className="cw-panel" data-testid="complaint-panel">
          <dl className="cw-facts">
            <dt>{t('cw.status')}</dt>
            <dd data-testid="complaint-status">{t(`cw.complaintStatus.${c.status}`)}</dd>
            <dt>{t('cw.source')}</dt>
            <dd>{dictLabel(sources, c.source, locale)}</dd>
            <dt>{t('cw.category')}</dt>
            <dd>{dictLabel(categories, c.category, locale)}</dd>
            <dt>{t('cw.vehicle')}</dt>
            <dd>{c.plate ?? '—'}</dd>
            <dt>{t('cw.assignee')}</dt>
            <dd>{c.assigneeName ?? '—'}</dd>
            <dt>{t('cw.description')}</dt>
            <dd>{c.description}</dd>
          </dl>

          {c.can.assign && (
            <div className="cw-row">
              <SelectField label={t('cw.assignee')} value={assignee} onChange={setAssignee} options={[{ value: '', label: '—' }, ...assignees.map((a) => ({ value: String(a.id), label: a.name }))]} data-testid="complaint-assignee" />
              <Button onClick={() => void run('assign')} disabled={!assignee} busy={busy} data-testid="complaint-assign">
                {t('cw.assign')}
              </Button>
            </div>
          )}
          {c.can.handle && (
            <div className="cw-row">
              <TextField label={t('cw.handleNote')} value={note} onChange={setNote} data-testid="complaint-note" />
              <Button onClick={() => void run('handle')} disabled={!note.trim()} busy={busy} data-testid="complaint-handle">
                {t('cw.handle')}
              </Button>
            </div>
          )}
          <div className="cw-row">
            <TextField
              label={t('cw.result')}
              value={result}
              onChange={setResult}
              readOnly={closed}
              hint={closed ? t('cw.result.locked') : undefined}
              data-testid="complaint-result"
            />
            {c.can.close && (
              <Button variant="primary" onClick={() => void run('close')} busy={busy} data-testid="complaint-close">
                {t('cw.close')}
              </Button>
            )}
          </div>
          {c.can.reopen && (
            <div className="cw-row">
              <TextField label={t('cw.reopenReason')} value={reason} onChange={setReason} data-testid="complaint-reopen-reason" />
              <Button variant="danger" onClick={() => void run('reopen')} busy={busy} data-testid="complaint-reopen">
                {t('cw.reopen')}
              </Button>
            </div>
          )}
          {stale && (
            <StaleRecordNotice
              message={stale.message}
              fields={[
                { key: 'status', label: t('cw.status'), theirs: t(`cw.complaintStatus.${c.status}`), mine: t(`cw.complaintStatus.${stale.opened.status}`) },
                { key: 'assignee', label: t('cw.assignee'), theirs: c.assigneeName ?? '', mine: stale.opened.assigneeName ?? '' },
                { key: 'category', label: t('cw.category'), theirs: dictLabel(categories, c.category, locale), mine: dictLabel(categories, stale.opened.category, locale) },
                { key: 'description', label: t('cw.description'), theirs: c.description, mine: stale.opened.description },
                { key: 'result', label: t('cw.result'), theirs: c.result ?? '', mine: stale.result, changed: (c.result ?? '') !== (stale.opened.result ?? '') },
              ].map((f) => ('changed' in f ? f : { ...f, changed: f.theirs !== f.mine }))}
              loaded={stale.loaded}
              onUseLatest={() => {
                setResult(c.result ?? '');
                setStale({ ...stale, loaded: true });
              }}
            />
          )}
          <FormMessage>{error}</FormMessage>

          <h4>{t('cw.history')}</h4>
          <div data-testid="complaint-history">
          <Table
            aria-label={t('cw.history')}
            columns={[
              { key: 'at', header: t('cw.at'), render: (h) => new Date(h.at).toLocaleString(locale), nowrap: true },
              { key: 'action', header: t('cw.action'), render: (h) => t(`cw.complaintAction.${h.action}`) },
              { key: 'note', header: t('cw.note'), render: (h) => h.note ?? '' },
              { key: 'user', header: t('cw.user'), render: (h) => h.userName ?? '' },
            ]}
            rows={c.history}
            rowKey={(h) => h.id}
          />
          </div>
        </div>
      )}
      {!c && <FormMessage>{error}</FormMessage>}
    </Dialog>
  );
}
