import type { Core } from '../core';

/** The LAN listener this core is being served on, while it runs: what 终端管理 tells the administrator. */
export interface LanStatus {
  /** The addresses a seat types (https://192.168.1.10:5443/ …). */
  urls: string[];
  port: number;
  fingerprint: string;
}

// Per core (the tests run several in one process); set by startWebHost, cleared when it closes.
const running = new WeakMap<Core, LanStatus>();

export function setLanStatus(core: Core, status: LanStatus | null): void {
  if (status) running.set(core, status);
  else running.delete(core);
}

/** Null while this core is not served on the LAN (设为主机 off, or saved but not yet restarted). */
export function lanStatusOf(core: Core): LanStatus | null {
  return running.get(core) ?? null;
}
