import { useCallback, useEffect, useRef, useState } from 'react';
import type { Scope } from '../../../../electron/common/api/grid';
import { useLoadedScopes, type DataGridHandle, type DataGridSelection } from '../../../ui/grid';
import { problemsText } from '../../../ui/errors';

/**
 * The state 提醒服务 and 销售回访 / 维修回访 share around their grid: the scope (the widest this
 * user may see, since the desk works on every customer it may; nothing is asked before the server
 * has said which scopes there are), the 查看 request whose latest answer alone is shown, the message
 * line, and the grid with its selection.
 */
export function useRangeList() {
  const known = useLoadedScopes();
  const scopes = known ?? [];
  const [scope, setScope] = useState<Scope | null>(null);
  useEffect(() => {
    if (scope === null && scopes.length > 1) setScope(scopes[scopes.length - 1]!);
  }, [scopes, scope]);
  const [message, setMessage] = useState<string | null>(null);
  const [selection, setSelection] = useState<DataGridSelection>({ selection: null, count: 0 });
  const grid = useRef<DataGridHandle>(null);
  // Only the answer to the latest 查看 / tab / scope is shown: an older one arriving late is dropped.
  const latest = useRef(0);

  /**
   * 查看: `request` asks for the list's counts (the server checks the range and fills in its default);
   * the latest answer goes to `onAnswer`, and the rows are read again even for the same range, so they
   * match the fresh counts. A refusal is shown in the message line.
   */
  const ask = useCallback(<T>(request: () => Promise<T>, onAnswer: (answer: T) => void) => {
    setMessage(null);
    const mine = ++latest.current;
    request().then(
      (answer) => {
        if (mine !== latest.current) return;
        onAnswer(answer);
        grid.current?.refresh();
      },
      (e) => mine === latest.current && setMessage(problemsText(e)),
    );
  }, []);

  const ids = selection.selection && 'ids' in selection.selection ? selection.selection.ids : null;
  return {
    scopes,
    scope: scope ?? scopes[scopes.length - 1] ?? 'mine',
    setScope,
    /** The server has said which scopes this user has. */
    ready: known !== null,
    ask,
    message,
    setMessage,
    grid,
    selection,
    setSelection,
    /** The one ticked row's id (the actions that work on one row), or null. */
    single: ids?.length === 1 ? ids[0]! : null,
  };
}

export type RangeListState = ReturnType<typeof useRangeList>;
