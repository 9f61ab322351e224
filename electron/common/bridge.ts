import type { ApiResult } from './api/contract';
import type { EventMessage } from './api/events';

/**
 * What the Electron preload exposes as `window.dscrm`: one call into the shared dispatch and one
 * event subscription. Nothing else of Node or Electron reaches the renderer.
 */
export interface DscrmBridge {
  /** `locale` is the UI's language, used for messages before a user is known (the login page). */
  invoke(method: string, input: unknown, locale?: string): Promise<ApiResult<unknown>>;
  /** Returns an unsubscribe function. */
  on(listener: (msg: EventMessage) => void): () => void;
}

export const IPC_API_CHANNEL = 'dscrm:api';
export const IPC_EVENT_CHANNEL = 'dscrm:event';
