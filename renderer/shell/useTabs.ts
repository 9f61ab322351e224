import { useCallback, useEffect, useState } from 'react';
import { isScreenId, moduleOf, type ScreenId } from './modules';
import type { ModuleCode } from '../../electron/common/roles';

interface TabsState {
  open: ScreenId[];
  active: ScreenId | null;
}

const storageKey = (username: string) => `dscrm.tabs.${username}`;

/** What was open in this window for this user (survives a reload, e.g. while the program is locked). */
function restore(username: string, allowed: readonly ModuleCode[]): TabsState {
  try {
    const raw: unknown = JSON.parse(sessionStorage.getItem(storageKey(username)) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return { open: [], active: null };
    const r = raw as { open?: unknown; active?: unknown };
    const open = (Array.isArray(r.open) ? r.open : []).filter(isScreenId).filter((id) => allowed.includes(moduleOf(id)));
    const active = isScreenId(r.active) && open.includes(r.active) ? r.active : (open[open.length - 1] ?? null);
    return { open, active };
  } catch {
    return { open: [], active: null };
  }
}

/** The tab strip's state: clicking a screen opens its tab or focuses the open one. */
export function useTabs(username: string, allowed: readonly ModuleCode[]) {
  const [state, setState] = useState<TabsState>(() => restore(username, allowed));

  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey(username), JSON.stringify(state));
    } catch {
      // storage full or disabled: tabs just won't survive a reload
    }
  }, [username, state]);

  const openScreen = useCallback((id: ScreenId) => {
    setState((s) => ({ open: s.open.includes(id) ? s.open : [...s.open, id], active: id }));
  }, []);

  const closeScreen = useCallback((id: ScreenId) => {
    setState((s) => {
      const index = s.open.indexOf(id);
      if (index < 0) return s;
      const open = s.open.filter((x) => x !== id);
      // Closing the active tab activates its neighbour, like every tabbed program.
      const active = s.active === id ? (open[index] ?? open[index - 1] ?? null) : s.active;
      return { open, active };
    });
  }, []);

  return { openTabs: state.open, active: state.active, openScreen, closeScreen };
}
