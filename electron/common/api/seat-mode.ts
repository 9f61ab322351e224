import { z } from 'zod';
import { method, returns } from './contract';

/**
 * How this window reaches its data (issue 15). Answered by whoever serves the renderer before any
 * core or session exists: the Electron main itself (it has no core yet on first start, and in
 * client mode never has one), or the web host, which always says 'browser'.
 */

/** Refusals the seat cannot get past by retrying: pair again, or install the host's version. */
export type SeatProblem = 'HOST_CERT_CHANGED' | 'SEAT_REVOKED' | 'SEAT_UNKNOWN' | 'API_VERSION_MISMATCH';

/** The link to the host, pushed as the 'link' event and shown in the status bar. */
export type LinkStatus = { state: 'connected' | 'reconnecting' } | { state: 'refused'; problem: SeatProblem };

export type SeatStatus =
  /** The web host in a browser: the page's own origin is the host. */
  | { mode: 'browser' }
  /** Desktop, first start: the user picks 本机 or 连接到主机. */
  | { mode: 'unset' }
  /** Desktop on its own database. */
  | { mode: 'local' }
  /** Desktop as a client seat of a host on the LAN. */
  | { mode: 'client'; hostUrl: string; seatName: string; fingerprint: string; link: LinkStatus; problemMessage: string | null };

/** What the host said about itself before pairing: shown so the admin can compare the fingerprint. */
export interface HostProbe {
  hostUrl: string;
  hostName: string;
  appVersion: string;
  apiVersion: string;
  /** SHA-256 of the certificate this PC saw, to compare with 系统管理 → 终端管理 on the host. */
  fingerprint: string;
  /** The host's API version equals this app's (else pairing would be refused anyway). */
  sameVersion: boolean;
}

const hostUrl = z.string().trim().min(1).max(200);

export const seatApi = {
  'seat.status': method({ input: z.object({}).strict(), access: 'public', whenLocked: true, beforePasswordChange: true, output: returns<SeatStatus>() }),
  /** GET /lan/hello on the given address; the certificate seen is trusted only once the user pairs. */
  'seat.probe': method({ input: z.object({ hostUrl }).strict(), access: 'public', output: returns<HostProbe>() }),
  /** Pairs with the host whose certificate has `fingerprint` (the one the probe showed), and remembers it. */
  'seat.pair': method({
    input: z
      .object({
        hostUrl,
        fingerprint: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
        code: z.string().trim().regex(/^\d{6}$/),
        seatName: z.string().trim().min(1).max(32),
      })
      .strict(),
    access: 'public',
    output: returns<SeatStatus>(),
  }),
  /** This PC keeps its own database (single seat, or the host itself). */
  'seat.useLocal': method({ input: z.object({}).strict(), access: 'public', output: returns<SeatStatus>() }),
};
