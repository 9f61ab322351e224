import { useEffect, useState } from 'react';
import type { DictionaryItem } from '../../../../electron/common/api/customers';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Dialog, DialogActions, FormMessage, SelectField } from '../../../ui';
import { showFieldErrors } from '../../../ui/errors';

type Move = 'in_progress' | 'succeeded' | 'failed';

/**
 * The agent's outcome of a 招揽任务: 招揽中, 招揽成功 (accepted only when the car came in within the
 * window — the server checks the repair orders) or 招揽失败 with a reason from the dictionary.
 */
export function SolicitationOutcomeDialog({ task, onClose, onDone }: { task: { id: number; status: string; customerName?: string }; onClose: () => void; onDone: () => void }) {
  const { t, locale } = useI18n();
  const [move, setMove] = useState<Move>(task.status === 'in_progress' ? 'succeeded' : 'in_progress');
  const [reasons, setReasons] = useState<DictionaryItem[]>([]);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    call('dict.list', { kind: 'solicitation_fail_reason' }).then(setReasons, () => setReasons([]));
  }, []);
  const save = async () => {
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      if (move === 'succeeded') await call('solicitation.confirmSuccess', { id: task.id });
      else await call('solicitation.setState', { id: task.id, state: move, failReason: move === 'failed' ? reason || null : null });
      onDone();
    } catch (e) {
      showFieldErrors(e, ['failReason'], setErrors, setMessage);
    } finally {
      setBusy(false);
    }
  };
  const title = `${t('sol.taskTitle', { id: task.id })}${task.customerName ? ` · ${task.customerName}` : ''}`;
  return (
    <Dialog title={title} onClose={onClose} actions={<DialogActions onCancel={onClose} onSubmit={() => void save()} submitLabel={t('cw.save')} busy={busy} testId="sol-outcome-save" />}>
      <div className="sol-form" data-testid="sol-outcome">
        <div>
          {t('care.sol.now')}
          {t(`sol.state.${task.status}` as 'sol.state.assigned')}
        </div>
        <SelectField<Move>
          label={t('care.sol.outcome')}
          value={move}
          onChange={setMove}
          options={(['in_progress', 'succeeded', 'failed'] as const).map((m) => ({ value: m, label: t(`sol.state.${m}`) }))}
          data-testid="sol-outcome-kind"
        />
        {move === 'failed' && (
          <SelectField
            label={t('sol.failReason')}
            value={reason}
            onChange={setReason}
            options={[{ value: '', label: '—' }, ...reasons.map((r) => ({ value: r.code, label: locale === 'en' ? r.en : r.zh }))]}
            error={errors.failReason}
            data-testid="sol-fail-reason"
          />
        )}
        <p className="sol-muted">{t('sol.successAuto')}</p>
        <FormMessage>{message}</FormMessage>
      </div>
    </Dialog>
  );
}
