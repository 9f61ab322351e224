import { createContext, useContext, useEffect, useRef } from 'react';
import type { Dataset } from '../../electron/common/api/grid';
import type { ScreenId } from '../features/registry';

/** Lets any screen open a record's tab (a customer's card) in the main window, or ask for the 新建客户 form. */
export interface Navigation {
  openCustomer: (id: number, name?: string) => void;
  /** Names a customer's tab once its card has loaded (without activating it). */
  setCustomerTitle: (id: number, name: string) => void;
  /**
   * Opens the 新建客户 form with this number filled in (the softphone's unknown caller); once saved,
   * the new customer's card opens. The shell owns the form (ShellNavigation), so telephony asks for
   * it instead of importing the customers feature, which imports telephony's links (no circle).
   * Optional: a test that only needs the card links provides none, and the request then does nothing.
   */
  newCustomer?: (phone: string) => void;
  /**
   * Opens a grid row's record on its own screen, where it is edited (a showroom visit in 展厅流量
   * with its form, a revisit in its form, …: RECORD_SCREENS), or the customer's card when the data
   * set has no such screen or the user may not open it. 审核自查 and every figure's drill-down
   * (DrillDownDialog) open their rows with it. Optional, as newCustomer.
   */
  openRecord?: (dataset: Dataset, row: Record<string, unknown>) => void;
  /**
   * Opens a screen on a list of records rather than one (审核自查 check 8: 审计日志 on the period's
   * oversized exports); the screen takes the filter with useRecordRequest. Nothing when the user's
   * menu lacks the screen: ask mayOpen first.
   */
  openFiltered?: (screen: ScreenId, filter: Readonly<Record<string, string | number>>) => void;
  /** Whether the user's menu has the screen (module, permission, roles); the server checks again. */
  mayOpen?: (screen: ScreenId) => boolean;
}

export const NavigationContext = createContext<Navigation>({ openCustomer: () => undefined, setCustomerTitle: () => undefined, newCustomer: () => undefined });

export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}

/** A record the shell asked a screen to open: the screen takes it once (seq tells two asks apart). */
export type RecordRequest = { screen: ScreenId; seq: number } & (
  | {
      kind: 'row';
      dataset: Dataset;
      id: number;
      /** The row as the list that asked showed it (its visible columns only). */
      row: Record<string, unknown>;
    }
  | { kind: 'filter'; filter: Readonly<Record<string, string | number>> }
);

export const RecordRequestContext = createContext<{ request: RecordRequest | null; taken: (seq: number) => void }>({ request: null, taken: () => undefined });

/**
 * A screen's side of openRecord: `open` runs once for each record asked of this screen — when the
 * screen is already open, or on its first render when the ask opened it.
 */
export function useRecordRequest(screen: ScreenId, open: (r: RecordRequest) => void): void {
  const { request, taken } = useContext(RecordRequestContext);
  const latest = useRef(open);
  latest.current = open;
  useEffect(() => {
    if (!request || request.screen !== screen) return;
    taken(request.seq);
    latest.current(request);
  }, [request, screen, taken]);
}
