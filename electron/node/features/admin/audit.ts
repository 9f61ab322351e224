import type { Db } from '../../../../db/client';
import { auditLog } from '../../../../db/schema';
import type { Clock } from '../../clock';

export interface AuditEntry {
  userId: number | null;
  action: 'create' | 'update' | 'delete' | 'export' | 'login' | 'logout' | 'password' | 'reassign' | string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes one audit row. Call it inside the same transaction as the change it describes, so a
 * change without its audit row (or the reverse) can never be committed.
 */
export function writeAudit(db: Db, clock: Clock, e: AuditEntry): void {
  db.insert(auditLog)
    .values({
      at: clock.now(),
      userId: e.userId,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId == null ? null : String(e.entityId),
      before: redact(e.before) ?? null,
      after: redact(e.after) ?? null,
    })
    .run();
}

const SECRET_KEYS = new Set(['passwordHash', 'password', 'passwordEnc', 'tokenHash']);

/** Secrets never reach the audit log; the fact that they changed does. */
function redact(v: unknown): unknown {
  if (v == null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) out[k] = SECRET_KEYS.has(k) ? '[redacted]' : val;
  return out;
}
