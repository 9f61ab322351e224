/// <reference types="vite/client" />
import type { DscrmBridge } from '../electron/common/bridge';

declare global {
  interface Window {
    /** Present only in Electron (the preload bridge); the web build talks HTTP + WebSocket instead. */
    dscrm?: DscrmBridge;
  }
}
