import { createContext, useContext } from 'react';
import type { CtiLookupResult, SoftphoneSettingsView } from '../../../electron/common/api/telephony';
import type { DialRequest } from './dial';
import type { Line, RegStatus } from './softphone';

/** What the server knows about a line: its call-log row, the caller lookup, the recorder. */
export interface LineInfo {
  callId: number | null;
  lookup: CtiLookupResult | null;
  customerId: number | null;
  taskId: number | null;
  answeredAt: number | null;
  recording: boolean;
}

/** The window's softphone as screens see it (useSoftphone): state, the lines and dialling. */
export interface SoftphoneApi {
  status: RegStatus;
  settings: SoftphoneSettingsView | null;
  lines: Line[];
  info: (l: Line) => LineInfo | undefined;
  dial: (req: DialRequest) => string | null;
  reload: () => void;
}

/**
 * Sent (cancelable) on the window when a logged call ends, so the screen that started it can open
 * its own form — the workbench opens the task's outcome form for a call started from a task. A
 * listener that does so calls preventDefault(); the generic 通话结果 form then stays closed.
 */
export const CALL_ENDED_EVENT = 'dscrm:call-ended';
export interface CallEnded {
  callId: number;
  taskId: number | null;
  customerId: number | null;
  /** The other party's number as dialled or received. */
  number: string;
  direction: 'inbound' | 'outbound';
  answered: boolean;
}

export const SoftphoneContext = createContext<SoftphoneApi | null>(null);
/** The softphone of the window; null outside the main window (no provider). */
export function useSoftphone(): SoftphoneApi | null {
  return useContext(SoftphoneContext);
}

declare global {
  interface Window {
    /** For the bench's screen-pop figure (scripts/bench/screen-pop.bench.ts): when the last INVITE arrived (performance.now()). */
    __dscrmTel?: { lastInviteAt: number };
  }
}
