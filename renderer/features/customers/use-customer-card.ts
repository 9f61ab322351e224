import { useCallback, useLayoutEffect, useState } from 'react';
import type { CustomerCard } from '../../../electron/common/api/customers';
import { call, callPrefetched } from '../../api';
import { perfMark } from '../../perf-marks';
import { useNavigation } from '../../shell/navigation';
import { errorText } from '../../ui/errors';
import { useLoad } from '../../ui/use-load';

/**
 * One customer card's data for its tab. The first load takes the request the tab's opening already
 * started (Shell's openCustomer prefetches it, on the screen pop's path); 刷新 and a save load again.
 * Only the newest answer is shown. The pop.* marks time the screen pop for the bench's breakdown.
 */
export function useCustomerCard(id: number) {
  const { setCustomerTitle } = useNavigation();
  const [card, setCard] = useState<CustomerCard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  useLoad(
    () => (generation === 0 ? callPrefetched('customers.get', { id }) : call('customers.get', { id })),
    [id, generation],
    (c) => {
      perfMark('pop.cardData');
      setCard(c);
      setCustomerTitle(id, c.name);
      setError(null);
    },
    (e) => setError(errorText(e)),
  );
  // The screen-pop stages: mounted while loading, then rendered with data.
  const loaded = card !== null;
  useLayoutEffect(() => perfMark(loaded ? 'pop.cardRendered' : 'pop.cardMounted'), [loaded]);

  return { card, error, reload };
}
