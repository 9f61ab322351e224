import { useState } from 'react';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Dialog, FormMessage, DialogActions } from '../../../ui';
import { problemsText } from '../../../ui/errors';

/** Later facts about a visit from the list: ordered, delivered, test drive (the server checks it is the user's). */
export function VisitFlagsDialog({ row, onClose, onSaved }: { row: Record<string, unknown>; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ testDrive: Boolean(row.testDrive), ordered: Boolean(row.ordered), delivered: Boolean(row.delivered) });
  // Only the boxes the user changed are sent: a column hidden in the grid is not in the row, and
  // must not be cleared by saving an unchecked box that merely did not know its value.
  const [touched, setTouched] = useState<Set<keyof typeof v>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setMessage(null);
    try {
      await call('showroom.visits.update', { id: Number(row.id), patch: Object.fromEntries([...touched].map((k) => [k, v[k]])) });
      onSaved();
    } catch (e) {
      setMessage(problemsText(e));
    } finally {
      setBusy(false);
    }
  };
  const box = (k: keyof typeof v, label: string) => (
    <label>
      <input type="checkbox" name={k} checked={v[k]} onChange={(e) => {
          setV((x) => ({ ...x, [k]: e.target.checked }));
          setTouched((x) => new Set(x).add(k));
        }} /> {label}
    </label>
  );
  return (
    <Dialog
      title={t('showroom.visit.editTitle', { name: String(row.name ?? ''), date: String(row.visitDate ?? '') })}
      onClose={onClose}
      closeLabel={t('common.close')}
      actions={<DialogActions onCancel={onClose} onSubmit={() => void save()} submitLabel={t('showroom.visit.save')} busy={busy} testId="visit-flags-save" />}
    >
      <div className="sr-checks" data-testid="visit-flags">
        {box('testDrive', t('showroom.f.testDrive'))}
        {box('ordered', t('showroom.f.ordered'))}
        {box('delivered', t('showroom.f.delivered'))}
      </div>
      <FormMessage>{message}</FormMessage>
    </Dialog>
  );
}
