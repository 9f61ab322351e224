import { useCallback, useEffect, useState } from 'react';
import type { AgentLoad, Workbench } from '../../../../electron/common/api/workbench';
import { call, onEvent } from '../../../api';
import { errorText } from '../../../ui/errors';
import { useLoad } from '../../../ui/use-load';

/** The agent picker's entry for the tasks nobody has yet (managers hand them out from there). */
export const UNASSIGNED = 'unassigned';
/** Rows per page: the host counts the whole list and sends one page (a long-used database holds thousands overdue). */
export const WORKBENCH_PAGE_SIZE = 100;

/**
 * The workbench's data: a page of the picked agent's rows (a manager picks; an agent sees their own), every
 * agent's load and the agent list for managers, and the rows ticked for a move. Kept apart from the
 * screen's markup so loading rules sit in one place: each load (an agent picked, 刷新, a save, a
 * manager's move pushed from another seat) clears the ticks, and only the newest answer is shown
 * (a slow answer for the agent picked before never replaces the current one).
 */
export function useWorkbench(manager: boolean, agentId: string) {
  const [generation, setGeneration] = useState(0);
  const [offset, setOffset] = useState(0);
  // Another agent (or the pool) starts on its first page.
  useEffect(() => setOffset(0), [agentId]);
  const [wb, setWb] = useState<Workbench | null>(null);
  const [load, setLoad] = useState<AgentLoad[]>([]);
  const [agents, setAgents] = useState<{ id: number; name: string }[]>([]);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  useLoad(
    () => {
      setError(null);
      setSelected(new Set());
      const page = { offset, limit: WORKBENCH_PAGE_SIZE };
      return call('workbench.list', manager ? (agentId === UNASSIGNED ? { unassigned: true, ...page } : { agentId: Number(agentId), ...page }) : page);
    },
    [agentId, manager, generation, offset],
    setWb,
    (e) => setError(errorText(e)),
  );
  useLoad(manager ? () => call('workbench.load', {}) : null, [agentId, manager, generation], (r) => setLoad(r.rows), () => setLoad([]));
  useLoad(manager ? () => call('workbench.agents', {}) : null, [manager], setAgents, () => setAgents([]));
  // A manager handed me tasks (or moved some away) on another seat: show them now, not at my next click.
  useEffect(() => onEvent('tasks.reassigned', reload), [reload]);

  return { wb, load, agents, selected, setSelected, error, setError, reload, offset, setOffset };
}
