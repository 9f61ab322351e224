import type { Sqlite } from '../../db/client';
import { insertStandardDictionaries } from './features/admin/reference-dictionaries';
import { ensureRoles } from './features/auth/bootstrap';
import { ensurePlanTemplates } from './features/sales/plan-templates';
import { ensureDefaultRevisitTemplates } from './features/service/revisit-templates';

/**
 * Reference rows every database needs (roles and their default permissions, dictionaries, plan and
 * revisit templates), each written by the feature that owns it. Idempotent. It lives above the
 * features, not in auth, so that auth imports neither sales nor service (no circle between features).
 */
export function ensureReferenceData(sqlite: Sqlite): void {
  ensureRoles(sqlite);
  insertStandardDictionaries(sqlite, { onlyMissingKinds: true });
  ensurePlanTemplates(sqlite);
  ensureDefaultRevisitTemplates(sqlite);
}
