import { useEffect, useState } from 'react';
import type { ConsultantOption } from '../../../../electron/common/api/sales-analysis';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Button, Dialog, useSubmit, useToast } from '../../../ui';
import type { DataGridSelection } from '../../../ui/grid';
import { useSessionInfo } from '../../auth';

type Mode = 'selection' | 'consultant';

/**
 * 重新分配 on a customer list: moves the selected customers (ticked rows or "all N matching"), or
 * every customer of one consultant (a leaver), to another consultant with their open opportunities
 * and planned activities. Shown only with 'customers.reassign'; the server checks it and the teams.
 */
export function ReassignButton({ selection, onDone }: { selection: DataGridSelection; onDone: () => void }) {
  const { t } = useI18n();
  const session = useSessionInfo();
  const [open, setOpen] = useState(false);
  if (!session.permissions.includes('customers.reassign')) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="reassign-button">
        {t('sa.reassign.button')}
      </Button>
      {open && (
        <ReassignDialog
          selection={selection}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            onDone();
          }}
        />
      )}
    </>
  );
}

function ReassignDialog({ selection, onClose, onDone }: { selection: DataGridSelection; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const [mode, setMode] = useState<Mode>(selection.selection ? 'selection' : 'consultant');
  const [targets, setTargets] = useState<ConsultantOption[]>([]);
  const [sources, setSources] = useState<ConsultantOption[]>([]);
  const [to, setTo] = useState('');
  const [from, setFrom] = useState('');
  const { busy, error, setError, run } = useSubmit();

  useEffect(() => {
    call('sales.consultants', { purpose: 'reassign' }).then(setTargets).catch(() => setTargets([]));
    call('sales.consultants', { purpose: 'reassignFrom' }).then(setSources).catch(() => setSources([]));
  }, []);

  const submit = async () => {
    if (!to) return setError(t('sa.reassign.pickTarget'));
    if (mode === 'consultant' && !from) return setError(t('sa.reassign.pickSource'));
    const input =
      mode === 'selection' && selection.selection
        ? { selection: selection.selection, toConsultantId: Number(to) }
        : { fromConsultantId: Number(from), toConsultantId: Number(to) };
    await run(async () => {
      const r = await call('customers.reassign', input);
      toast.success(t('sa.reassign.done', { customers: r.customers.toLocaleString(), opportunities: r.opportunities.toLocaleString(), activities: r.activities.toLocaleString() }));
      onDone();
    });
  };

  return (
    <Dialog
      title={t('sa.reassign.title')}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>{t('sa.cancel')}</Button>
          <Button variant="primary" onClick={() => void submit()} disabled={busy} data-testid="reassign-submit">
            {t('sa.reassign.submit')}
          </Button>
        </>
      }
    >
      <div className="form" data-testid="reassign-dialog">
        <label className="radio" style={{ display: 'block', marginBottom: 6 }}>
          <input type="radio" name="reassign-mode" checked={mode === 'selection'} disabled={!selection.selection} onChange={() => setMode('selection')} />{' '}
          {selection.selection ? t('sa.reassign.selected', { n: selection.count.toLocaleString() }) : t('sa.reassign.noneSelected')}
        </label>
        <label className="radio" style={{ display: 'block', marginBottom: 6 }}>
          <input type="radio" name="reassign-mode" checked={mode === 'consultant'} onChange={() => setMode('consultant')} /> {t('sa.reassign.allOf')}
        </label>
        {mode === 'consultant' && (
          <label className="field">
            <span className="field-label">{t('sa.reassign.from')}</span>
            <select className="input" value={from} onChange={(e) => setFrom(e.target.value)} aria-label={t('sa.reassign.from')}>
              <option value="">—</option>
              {sources.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                  {c.active ? '' : ` (${t('sa.inactive')})`}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span className="field-label">{t('sa.reassign.to')}</span>
          <select className="input" value={to} onChange={(e) => setTo(e.target.value)} aria-label={t('sa.reassign.to')} data-testid="reassign-target">
            <option value="">—</option>
            {targets.filter((c) => String(c.id) !== from).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <p className="hint">{t('sa.reassign.rule')}</p>
        {error && (
          <p className="form-message is-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </Dialog>
  );
}
