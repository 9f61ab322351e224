import { useEffect, useMemo, useRef } from 'react';
import type { GridFilter } from '../../../electron/common/api/grid';
import type { useI18n } from '../../i18n/react';
import type { HeaderContext } from './GridHeader';
import type { GroupRowContext } from './GroupRow';
import type { GroupNode } from './groupModel';

// Separate from DataGrid because of one ag-grid rule that bit once: ag-grid reads `context` once,
// when the grid is made (it is an @initial option), and ignores a new object later, so the grouped
// grid kept calling the toggle of the first grouping and, after a second header was dragged in,
// opened a group as rows instead of its sub-groups. One object for the grid's life; what it calls
// and reads is the current render's, through a ref.

export interface GridContextInputs {
  filter: GridFilter;
  t: ReturnType<typeof useI18n>['t'];
  toggle: (n: GroupNode) => Promise<void>;
  more: (n: GroupNode) => Promise<void>;
  openMenu: (colId: string, anchor: HTMLElement) => void;
}

export function useGridContext(inputs: GridContextInputs): HeaderContext & GroupRowContext {
  const live = useRef(inputs);
  useEffect(() => {
    live.current = inputs;
  });
  return useMemo<HeaderContext & GroupRowContext>(
    () => ({
      openMenu: (colId, anchor) => live.current.openMenu(colId, anchor),
      isFiltered: (colId) => live.current.filter.columns.some((g) => g.conditions[0]?.col === colId),
      get menuLabel() {
        return live.current.t('grid.columnMenu');
      },
      toggle: (n) => void live.current.toggle(n),
      more: (n) => void live.current.more(n),
      get moreLabel() {
        return live.current.t('grid.loadMore');
      },
    }),
    [],
  );
}
