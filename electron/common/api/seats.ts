import { z } from 'zod';
import { method, returns } from './contract';

/** One paired seat as 系统管理 → 终端管理 lists it. Times are epoch milliseconds. */
export interface SeatRow {
  id: number;
  name: string;
  /** The address the seat was last seen from (the pairing address until then). */
  lastAddress: string | null;
  lastUserName: string | null;
  lastSeenAt: number | null;
  pairedAt: number;
  pairedByName: string | null;
  revokedAt: number | null;
  status: 'active' | 'revoked';
  /** An event socket of the seat is open on the host right now (在线); false is 离线. */
  online: boolean;
}

/** Event 'seats.presence' to administrators: a seat's first event socket opened, or its last one closed. */
export interface SeatPresence {
  seatId: number;
  online: boolean;
  /** Epoch ms: when it connected or went (the seat's new last seen). */
  lastSeenAt: number;
}

export interface PairingCode {
  /** Six digits the administrator reads out; shown once, stored only as a hash. */
  code: string;
  /** ISO 8601: 10 minutes after it was made. */
  expiresAt: string;
  /**
   * How long it stays valid from now. The screen counts down from this, not from expiresAt: the
   * admin's PC may be a seat whose clock differs from the host's.
   */
  expiresInMs: number;
  /** The host certificate's SHA-256 fingerprint for the seat to compare; null while the host has no LAN certificate. */
  fingerprint: string | null;
  /** The addresses the new seat types to reach this host (its LAN listener's), empty while the host does not serve the LAN. */
  hostUrls: string[];
}

/** A seat's name: what the front desk calls the PC (前台-1). */
export const seatNameSchema = z.string().trim().min(1).max(32);

const admin = ['admin'] as const;

export const seatsApi = {
  'admin.seats.list': method({ input: z.object({}).strict(), access: admin, output: returns<SeatRow[]>() }),
  'admin.seats.rename': method({
    input: z.object({ id: z.number().int().positive(), name: seatNameSchema }),
    access: admin,
    output: returns<SeatRow>(),
  }),
  /** Refuses the seat at once (its open connections too) and ends the sessions that came through it. */
  'admin.seats.revoke': method({ input: z.object({ id: z.number().int().positive() }), access: admin, output: returns<SeatRow>() }),
  /** A new 6-digit code, valid 10 minutes, once; older unused codes stop working. */
  'admin.seats.pairingCode.create': method({ input: z.object({}).strict(), access: admin, output: returns<PairingCode>() }),
} as const;
