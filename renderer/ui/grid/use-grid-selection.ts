import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dataset, GridFilter, GridSelection, Scope } from '../../../electron/common/api/grid';
import { call } from '../../api';
import { errorText } from '../errors';
import type { QueryShape } from './datasource';

// Separate from DataGrid because what a bulk action acts on is a rule of its own: ticked rows by
// id, or "all N matching" as the query itself with the count the user saw (the server refuses the
// action when the count has moved), and either is dropped as soon as the query changes.

export interface DataGridSelection {
  selection: GridSelection | null;
  count: number;
}

export interface GridSelectionInputs {
  /** The current query; a new one (filter, scope, columns, grouping) clears the selection. */
  shape: QueryShape;
  /** What "all matching" stands for: the data set, scope and full filter of the rows shown. */
  query: { dataset: Dataset; scope: Scope; filter: GridFilter };
  onSelectionChange?: (s: DataGridSelection) => void;
  onMessage: (m: string) => void;
}

export function useGridSelection({ shape, query, onSelectionChange, onMessage }: GridSelectionInputs) {
  const [selectedIds, setSelectedIds] = useState<number[]>([]);
  const [allMatching, setAllMatching] = useState<number | null>(null);
  const { dataset, scope, filter } = query;

  useEffect(() => {
    setSelectedIds([]);
    setAllMatching(null);
  }, [shape]);
  useEffect(() => {
    if (!onSelectionChange) return;
    if (allMatching !== null) onSelectionChange({ selection: { query: { dataset, scope, filter }, expectedCount: allMatching }, count: allMatching });
    else onSelectionChange({ selection: selectedIds.length ? { ids: selectedIds } : null, count: selectedIds.length });
  }, [selectedIds, allMatching, onSelectionChange, dataset, scope, filter]);

  const message = useRef(onMessage);
  useEffect(() => {
    message.current = onMessage;
  });
  /** "Select all N matching": the server counts the query now, and that count goes with the action. */
  const selectAllMatching = useCallback(async () => {
    try {
      const { count } = await call('grid.count', { dataset, scope, filter });
      setAllMatching(count);
    } catch (e) {
      message.current(errorText(e));
    }
  }, [dataset, scope, filter]);

  /** The rows ticked in the grid (ids of real records only). */
  const setTicked = useCallback((rows: Record<string, unknown>[]) => {
    setAllMatching(null);
    setSelectedIds(rows.map((r) => Number(r.id)).filter((n) => Number.isInteger(n) && n > 0));
  }, []);

  /** After a bulk action (reassign, SMS) the rows it acted on are no longer "selected". */
  const clear = useCallback(() => {
    setAllMatching(null);
    setSelectedIds([]);
  }, []);

  return { selectedIds, allMatching, count: allMatching ?? selectedIds.length, selectAllMatching, setTicked, dropAllMatching: () => setAllMatching(null), clear };
}
