import type { SeatPresence } from './seats';
import type { LinkStatus } from './seat-mode';
import type { SmsBatchProgress } from './sms';
import type { ImportBatchRow } from './data-import';
import type { RestoreState } from './backup';
import type { AgentStateView } from './call-center';

/** Events the main side pushes to a renderer (WebSocket on the web host, IPC in Electron). */
export interface ApiEvents {
  /** The session was locked (another window, system lock, idle on the server). */
  'session.locked': { reason: 'manual' | 'idle' | 'system' };
  'session.unlocked': Record<string, never>;
  /**
   * The session ended: logout elsewhere, expiry, the administrator reset the user's password, or the
   * user changed it in another session (the login page says which).
   */
  'session.ended': { reason: 'logout' | 'expired' | 'passwordReset' | 'passwordChanged' };
  /** Export progress, for the progress bar. */
  'export.progress': { exportId: string; done: number; total: number };
  /**
   * Rows of a file import processed so far, to the importing user (the import runs in slices):
   * DMS repair orders, CSI / SSI survey results, a manufacturer's campaign list.
   */
  'import.progress': { kind: 'repairOrders' | 'surveys' | 'campaign'; done: number; total: number };
  /** 数据导入: a running import's counts after each batch, and its end, to the importing user. */
  'dataImport.progress': ImportBatchRow;
  /** 备份与恢复: a restore's steps, to everyone (changes stop, then the app restarts). */
  'backup.restore': RestoreState;
  'notification': { id: number; kind: string; title: string; body: string | null };
  /** SMS batch progress (queued / sent / delivered / failed), to the batch's creator. */
  'sms.batch': SmsBatchProgress;
  /**
   * Open tasks were handed to this agent or taken from them (任务分配, the workbench's 分配给), or
   * given another priority (任务分配's 设优先级: `reprioritized`), to every session of that agent:
   * their 客服工作台 reloads.
   */
  'tasks.reassigned': { gained: number; lost: number; reprioritized?: number };
  /** A seat connected to the host or went (its event socket), to administrators: 终端管理's 在线 / 离线. */
  'seats.presence': SeatPresence;
  /** 坐席状态: an agent's state changed, to that agent's sessions and to the CS managers (their floor view). */
  'callCenter.agentState': AgentStateView;
  /** A call started or ended somewhere on the floor, to the CS managers: their wall board reloads. */
  'callCenter.floorChanged': Record<string, never>;
  /** A client seat's link to its host (desktop client mode only): status bar, refresh on return. */
  'link': LinkStatus;
}
export type EventName = keyof ApiEvents;
export interface EventMessage<E extends EventName = EventName> {
  event: E;
  payload: ApiEvents[E];
}
