import { useCallback, useState } from 'react';
import { errorText } from './errors';

/**
 * A dialog's 确定: `busy` while the work runs (the button shows it and takes no second click), the
 * host's refusal as text in `error` (cleared when the next try starts). The work says what success
 * does (a toast, closing the dialog); a failure leaves the dialog open with its message.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
