import type { Core } from '../core';
import { writeAudit } from '../features/admin/audit';

// One row per kind of refusal, address and seat a minute: someone hammering the listener from the
// LAN must not fill the audit log (and the disk); the row says how many were not written since.
const EVERY_MS = 60_000;
const MAX_KEYS = 10_000;

export interface LanRefusal {
  /** The error code answered: BAD_ORIGIN, API_VERSION_MISMATCH, TOO_MANY_ATTEMPTS … */
  code: string;
  address: string;
  /** The route asked for (path only, no query: it may carry a file name). */
  path: string;
  seat?: { id: number; name: string } | null;
  /** Anything else worth keeping (the client's API version, the Host it named). */
  detail?: Record<string, unknown>;
}

/**
 * Audit rows for what the LAN listener refuses before dispatch (foreign Host or Origin, another
 * API version, the per-address login limit): action 'lan_refused', entity 'lan', the seat's id when
 * one is known. The seats service audits its own refusals (unknown or revoked seat, wrong code).
 */
export class LanRefusalAudit {
  private last = new Map<string, { at: number; skipped: number }>();

  constructor(private core: Pick<Core, 'clock' | 'db'>) {}

  record(r: LanRefusal): void {
    const now = this.core.clock.now();
    const key = `${r.code}|${r.address}|${r.seat?.id ?? ''}`;
    const seen = this.last.get(key);
    if (seen && now - seen.at < EVERY_MS && now >= seen.at) {
      seen.skipped++;
      return;
    }
    if (this.last.size > MAX_KEYS) for (const [k, v] of this.last) if (now - v.at >= EVERY_MS) this.last.delete(k);
    this.last.set(key, { at: now, skipped: 0 });
    try {
      writeAudit(this.core.db, this.core.clock, {
        userId: null,
        action: 'lan_refused',
        entity: 'lan',
        entityId: r.seat?.id ?? null,
        after: {
          code: r.code,
          address: r.address,
          path: r.path.split('?')[0]!.slice(0, 200),
          ...(r.seat ? { seatName: r.seat.name } : {}),
          ...(seen?.skipped ? { sameRefusalsNotLogged: seen.skipped } : {}),
          ...r.detail,
        },
      });
    } catch (err) {
      // A damaged or busy database must not turn a refusal into a 500; the refusal stands.
      console.error('[webhost] could not audit a LAN refusal:', err);
    }
  }
}
