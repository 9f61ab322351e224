import type { Core } from '../core';

/** The LAN listener this core is being served on, while it runs: what 终端管理 tells the administrator. */
export interface LanStatus {
  /** The addresses a seat types (https://192.168.1.10:5443/ …). */
  urls: string[];
  port: number;
  fingerprint: string;
}

/**
 * One per core in its service container (core.services.lan; the tests run several cores in one
 * process): set by startWebHost when its LAN listener is up, cleared when it closes.
 */
export class LanPresence {
  status: LanStatus | null = null;
}

export function setLanStatus(core: Pick<Core, 'services'>, status: LanStatus | null): void {
  core.services.lan.status = status;
}

/** Null while this core is not served on the LAN (设为主机 off, or saved but not yet restarted). */
export function lanStatusOf(core: Pick<Core, 'services'>): LanStatus | null {
  return core.services.lan.status;
}
