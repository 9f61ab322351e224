import { useCallback, useEffect, useState } from 'react';
import { isScreenId, moduleOf, type ScreenId } from './modules';
import type { ModuleCode } from '../../electron/common/roles';

/** A tab: a menu screen, or one record opened from a list (e.g. `customer:42`, a customer's card). */
export type TabId = ScreenId | `customer:${number}`;

export function isRecordTab(id: string): id is `customer:${number}` {
  return /^customer:[1-9]\d{0,11}$/.test(id);
}

interface TabsState {
  open: TabId[];
  active: TabId | null;
  /** Titles of record tabs (a customer's name). */
  titles: Record<string, string>;
}

const storageKey = (username: string) => `dscrm.tabs.${username}`;

/** What was open in this window for this user (survives a reload, e.g. while the program is locked). */
function restore(username: string, allowed: readonly ModuleCode[]): TabsState {
  const empty: TabsState = { open: [], active: null, titles: {} };
  try {
    const raw: unknown = JSON.parse(sessionStorage.getItem(storageKey(username)) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return empty;
    const r = raw as { open?: unknown; active?: unknown; titles?: unknown };
    const open = (Array.isArray(r.open) ? r.open : []).filter(
      (id): id is TabId => (typeof id === 'string' && isRecordTab(id)) || (isScreenId(id) && allowed.includes(moduleOf(id))),
    );
    const active = typeof r.active === 'string' && (open as string[]).includes(r.active) ? (r.active as TabId) : (open[open.length - 1] ?? null);
    const titles = typeof r.titles === 'object' && r.titles !== null ? Object.fromEntries(Object.entries(r.titles).filter(([, v]) => typeof v === 'string')) : {};
    return { open, active, titles: titles as Record<string, string> };
  } catch {
    return empty;
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

  const openScreen = useCallback((id: TabId, title?: string) => {
    setState((s) => ({
      open: s.open.includes(id) ? s.open : [...s.open, id],
      active: id,
      titles: title ? { ...s.titles, [id]: title } : s.titles,
    }));
  }, []);

  const closeScreen = useCallback((id: TabId) => {
    setState((s) => {
      const index = s.open.indexOf(id);
      if (index < 0) return s;
      const open = s.open.filter((x) => x !== id);
      // Closing the active tab activates its neighbour, like every tabbed program.
      const active = s.active === id ? (open[index] ?? open[index - 1] ?? null) : s.active;
      return { open, active, titles: s.titles };
    });
  }, []);

  const setTitle = useCallback((id: TabId, title: string) => {
    setState((s) => (s.titles[id] === title ? s : { ...s, titles: { ...s.titles, [id]: title } }));
  }, []);

  return { openTabs: state.open, active: state.active, titles: state.titles, openScreen, closeScreen, setTitle };
}
