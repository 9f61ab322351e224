import type { ApiResult } from './api/contract';
import type { EventMessage } from './api/events';
import type { Permission } from './roles';

/**
 * What the Electron preload exposes as `window.dscrm`: one call into the shared dispatch and one
 * event subscription. Nothing else of Node or Electron reaches the renderer.
 */
export interface DscrmBridge {
  /** `locale` is the UI's language, used for messages before a user is known (the login page). */
  invoke(method: string, input: unknown, locale?: string): Promise<ApiResult<unknown>>;
  /** Returns an unsubscribe function. */
  on(listener: (msg: EventMessage) => void): () => void;
  /**
   * The OS folder picker, for exports that write a copy to disk (desktop only): the folder's path
   * to show and an opaque grant to pass to the export, which writes only into a granted folder of
   * the same session. Null when the user cancels, or when the session lacks the purpose's
   * permission (the main process checks it).
   */
  pickFolder(purpose: FolderPurpose, title: string): Promise<PickedFolder | null>;
  /** A file for an import, handed to the main process's upload store; the import method takes its id. */
  upload(fileName: string, data: ArrayBuffer, locale?: string): Promise<ApiResult<{ uploadId: string; size: number }>>;
}

export interface PickedFolder {
  path: string;
  grant: string;
}

/** What a folder is picked for, and the permission that needs (checked in the main process). */
export const FOLDER_PURPOSES = { recordings: 'recordings.export', export: 'export' } as const satisfies Record<string, Permission>;
export type FolderPurpose = keyof typeof FOLDER_PURPOSES;

export const IPC_API_CHANNEL = 'dscrm:api';
export const IPC_EVENT_CHANNEL = 'dscrm:event';
export const IPC_PICK_FOLDER_CHANNEL = 'dscrm:pickFolder';
export const IPC_UPLOAD_CHANNEL = 'dscrm:upload';
