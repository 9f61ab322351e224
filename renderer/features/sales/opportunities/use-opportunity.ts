import { useCallback, useState } from 'react';
import type { OpportunityDetail, PurchaseIntent } from '../../../../electron/common/api/sales';
import { stageIndex, type StageCode } from '../../../../electron/common/stages';
import { call, isApiError } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { useToast } from '../../../ui';
import { errorText } from '../../../ui/errors';
import { useLoad } from '../../../ui/use-load';

/** Which of the panel's dialogs is open. */
export type OpenDialog = { kind: 'stage'; target: StageCode } | { kind: 'deliver' } | { kind: 'abandon' } | { kind: 'edit' } | { kind: 'intent'; intent?: PurchaseIntent } | null;

/**
 * One opportunity's data and the panel's actions on it, apart from the markup: loading (only the
 * newest answer is shown, so a slow answer for the opportunity shown before never replaces this
 * one), the stage bar's move (forward is one click, 递交新车 and anything needing a reason or a
 * next activity open their dialog), and the DMS 重新导出 retry. `done` closes a dialog, reloads and
 * tells the list (`onChanged`).
 */
export function useOpportunity(id: number, onChanged: () => void) {
  const { t } = useI18n();
  const toast = useToast();
  const [d, setD] = useState<OpportunityDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<OpenDialog>(null);
  const [busy, setBusy] = useState(false);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  useLoad(
    () => call('opportunities.get', { id }),
    [id, generation],
    (r) => {
      setD(r);
      setError(null);
    },
    (e) => setError(errorText(e)),
  );

  const done = (msg?: string) => {
    setOpen(null);
    if (msg) toast.success(msg);
    reload();
    onChanged();
  };

  const pick = async (target: StageCode) => {
    if (!d) return;
    if (target === 'delivery') return setOpen({ kind: 'deliver' });
    // Back, or no planned activity left: the dialog asks what is missing. Forward: one click.
    if (stageIndex(target) < stageIndex(d.stage) || d.activities.planned === 0) return setOpen({ kind: 'stage', target });
    setBusy(true);
    try {
      await call('opportunities.changeStage', { id: d.id, expectedVersion: d.version, stage: target });
      done();
    } catch (e) {
      toast.error(errorText(e));
      // Someone else changed it since the panel loaded (STALE_RECORD): show what it is now; the one
      // click is all the user did, so nothing typed is lost.
      if (isApiError(e, 'STALE_RECORD')) reload();
    } finally {
      setBusy(false);
    }
  };

  const retryDms = async () => {
    if (!d?.delivery) return;
    setBusy(true);
    try {
      const r = await call('deliveries.retryDms', { id: d.delivery.id });
      if (r.dmsStatus === 'exported') toast.success(t('opp.dms.exported'));
      else toast.error(t('opp.dms.failedMsg', { error: r.dmsError ?? '' }));
      reload();
    } catch (e) {
      toast.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return { d, error, open, setOpen, busy, done, pick, retryDms };
}
