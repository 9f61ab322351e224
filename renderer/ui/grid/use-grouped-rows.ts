import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { GridSort } from '../../../electron/common/api/grid';
import { errorText } from '../errors';
import type { QueryShape } from './datasource';
import { fetchLevel, flatten, toNodes, type GroupNode } from './groupModel';

// Separate from DataGrid because the grouped view keeps its own tree of server answers (groups
// opened in place, rows paged per group) and its own rule that only the newest answer to a
// changed grouping or sort is shown; the flat list pages through ag-grid's datasource instead.

export interface GroupedRowsInputs {
  /** Grouping is on (a column in the group bar) and the grid has its columns and default view. */
  active: boolean;
  shape: QueryShape;
  /** The sort at query time (ag-grid's sort model, which changes without a new shape). */
  sortRef: RefObject<GridSort[]>;
  onTotal: (n: number | null) => void;
  onMessage: (m: string) => void;
}

export function useGroupedRows({ active, shape, sortRef, onTotal, onMessage }: GroupedRowsInputs) {
  const [groups, setGroups] = useState<GroupNode[]>([]);
  const hooks = useRef({ onTotal, onMessage });
  useEffect(() => {
    hooks.current = { onTotal, onMessage };
  });
  const ask = useCallback((path: GroupNode['path'], cursor?: string | null) => fetchLevel({ ...shape, sort: sortRef.current }, path, cursor), [shape, sortRef]);

  const asked = useRef(0);
  /** The top level again: after a new grouping, sort, filter, a refresh or a reconnect. */
  const reload = useCallback(async () => {
    if (!active) return;
    // The previous grouping's rows go at once: opened while the new one loads (a second header just
    // dragged in), a group of the old shape would open as rows and then vanish. Only the newest
    // answer is shown.
    const mine = ++asked.current;
    setGroups([]);
    try {
      const page = await ask([]);
      if (mine !== asked.current) return;
      setGroups(toNodes(page, []));
      hooks.current.onTotal(page.kind === 'groups' ? page.groups.reduce((a, g) => a + g.count, 0) : null);
    } catch (e) {
      hooks.current.onMessage(errorText(e));
    }
  }, [active, ask]);
  useEffect(() => {
    void reload();
  }, [reload]);

  // The nodes are changed in place (they are the tree ag-grid's rows point into); a new array re-renders.
  const rerender = useCallback(() => setGroups((g) => [...g]), []);

  /** Opens a group (its sub-groups or first page of rows, asked once) or closes it. */
  const toggle = useCallback(
    async (n: GroupNode) => {
      if (n.expanded) {
        n.expanded = false;
        rerender();
        return;
      }
      n.expanded = true;
      if (!n.groups && !n.rows) {
        n.loading = true;
        rerender();
        try {
          const page = await ask(n.path);
          if (page.kind === 'groups') n.groups = toNodes(page, n.path);
          else {
            n.rows = page.rows;
            n.nextCursor = page.nextCursor;
          }
        } catch (e) {
          n.expanded = false;
          hooks.current.onMessage(errorText(e));
        }
        n.loading = false;
      }
      rerender();
    },
    [ask, rerender],
  );

  /** The next page of an open group's rows (its "more" row). */
  const more = useCallback(
    async (n: GroupNode) => {
      try {
        const page = await ask(n.path, n.nextCursor);
        if (page.kind === 'rows') {
          n.rows = [...(n.rows ?? []), ...page.rows];
          n.nextCursor = page.nextCursor;
          rerender();
        }
      } catch (e) {
        hooks.current.onMessage(errorText(e));
      }
    },
    [ask, rerender],
  );

  const rows = useMemo(() => (active ? flatten(groups) : []), [groups, active]);
  return { rows, reload, toggle, more };
}
