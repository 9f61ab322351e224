import { useState } from 'react';
import { SKIP_REASONS, type SkipReason } from '../../../../electron/common/api/dialer';
import { usePrefixedT } from '../../../i18n/react';
import { Dialog, DialogActions, SelectField, TextField } from '../../../ui';

/** 跳过 with a reason (and a note): the task comes back after the queue's retry wait. */
export function SkipDialog({ onClose, onSkip }: { onClose: () => void; onSkip: (reason: SkipReason, note: string) => void }) {
  const tx = usePrefixedT('dialer.');
  const [reason, setReason] = useState<SkipReason>('notNow');
  const [note, setNote] = useState('');
  return (
    <Dialog title={tx('skip.title')} onClose={onClose} actions={<DialogActions onCancel={onClose} onSubmit={() => onSkip(reason, note.trim())} submitLabel={tx('skip')} testId="dialer-skip-confirm" />}>
      <SelectField label={tx('skip.reason')} value={reason} onChange={setReason} options={SKIP_REASONS.map((r) => ({ value: r, label: tx(`skip.${r}`) }))} data-testid="dialer-skip-reason" data-autofocus />
      <TextField label={tx('skip.note')} value={note} onChange={setNote} maxLength={200} />
      <p className="hint">{tx('skip.hint')}</p>
    </Dialog>
  );
}
