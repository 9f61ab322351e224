/**
 * The preload: the only bridge between the sandboxed renderer and the main process.
 * CommonJS (.cts) because a sandboxed preload is loaded as a classic script with a restricted
 * `require` that provides little besides 'electron' — not as an ES module. The build bundles it
 * (with the channel names from electron/common/bridge.ts) into dist/electron/preload.cjs.
 *
 * Exposes exactly `window.dscrm` = { invoke, on, pickFolder } (DscrmBridge). No ipcRenderer, no channel
 * choice, no token: the main process knows the session by the sending window.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_API_CHANNEL, IPC_EVENT_CHANNEL, IPC_PICK_FOLDER_CHANNEL, IPC_UPLOAD_CHANNEL, type DscrmBridge, type FolderPurpose, type PickedFolder } from '../common/bridge';
import type { ApiResult } from '../common/api/contract';
import type { EventMessage } from '../common/api/events';

const MAX_METHOD_LENGTH = 200;

const bridge: DscrmBridge = {
  invoke(method: string, input: unknown, locale?: string): Promise<ApiResult<unknown>> {
    // Page scripts can call this with anything; refuse here what can never be a method name.
    // (The main process checks again: it must not trust the preload's checks either.)
    if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) {
      return Promise.reject(new TypeError('dscrm.invoke: method must be a non-empty string'));
    }
    const lang = typeof locale === 'string' ? locale.slice(0, 20) : undefined;
    return ipcRenderer.invoke(IPC_API_CHANNEL, method, input, lang) as Promise<ApiResult<unknown>>;
  },
  on(listener: (msg: EventMessage) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('dscrm.on: listener must be a function');
    // Only the message reaches the page, never the IpcRendererEvent (it carries `sender`).
    const handler = (_event: IpcRendererEvent, msg: EventMessage) => listener(msg);
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
    };
  },
  pickFolder(purpose: FolderPurpose, title: string): Promise<PickedFolder | null> {
    return ipcRenderer.invoke(IPC_PICK_FOLDER_CHANNEL, String(purpose), String(title).slice(0, 200)) as Promise<PickedFolder | null>;
  },
  upload(fileName: string, data: ArrayBuffer, locale?: string): Promise<ApiResult<{ uploadId: string; size: number }>> {
    if (!(data instanceof ArrayBuffer)) throw new TypeError('dscrm.upload: data must be an ArrayBuffer');
    return ipcRenderer.invoke(IPC_UPLOAD_CHANNEL, String(fileName).slice(0, 200), data, locale) as Promise<ApiResult<{ uploadId: string; size: number }>>;
  },
};

contextBridge.exposeInMainWorld('dscrm', bridge);
