import { useEffect, useState } from 'react';
import type { Scope } from '../../../../electron/common/api/grid';
import { call } from '../../../api';

/**
 * The scopes this user may pick, and null until the server has answered. The shared useScopes()
 * answers ['mine'] first and the real list a moment later; a desk list that starts on the widest
 * scope would then show (and count) the 'mine' list first and swap it under the user's — or a
 * test's — hand a moment later. These screens wait for the answer instead.
 */
export function useDeskScopes(): Scope[] | null {
  const [scopes, setScopes] = useState<Scope[] | null>(null);
  useEffect(() => {
    let live = true;
    call('grid.columns', { dataset: 'customers' }).then(
      (r) => live && setScopes(r.scopes),
      () => live && setScopes(['mine']),
    );
    return () => {
      live = false;
    };
  }, []);
  return scopes;
}
