import { ALL_IMPORTS_ROLES, importKindsOf, type ImportField, type ImportKind, type SavedMapping } from '../../../common/api/data-import';
import type { SessionCtx } from '../auth';
import type { Core } from '../../core';
import { notFound } from '../../errors';

type Row = { id: number; name: string; columns: string };

/** Named column mappings (field → header text), shared by the dealership's administrators. */
export class ImportMappings {
  constructor(private core: Pick<Core, 'sqlite' | 'clock'>) {}

  list(kind: ImportKind): SavedMapping[] {
    return this.core.sqlite
      .prepare<[string], Row>('SELECT id, name, columns FROM import_mappings WHERE kind = ? ORDER BY name')
      .all(kind)
      .map((r) => ({ id: r.id, name: r.name, columns: JSON.parse(r.columns) as SavedMapping['columns'] }));
  }

  /** Saves under a name; the same name again replaces that mapping (the DMS changed a header). */
  save(actor: number, kind: ImportKind, name: string, columns: Partial<Record<ImportField, string>>): SavedMapping {
    const row = this.core.sqlite
      .prepare<[string, string, string, number, number], { id: number }>(
        `INSERT INTO import_mappings (kind, name, columns, created_by, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (kind, name) DO UPDATE SET columns = excluded.columns, updated_at = excluded.updated_at RETURNING id`,
      )
      .get(kind, name, JSON.stringify(columns), actor, this.core.clock.now())!;
    return { id: row.id, name, columns };
  }

  /** A mapping of a kind the user imports; the general manager and the administrator may delete any, a manager their own. */
  delete(s: SessionCtx, id: number): { ok: true } {
    const m = this.core.sqlite.prepare<[number], { kind: ImportKind; createdBy: number | null }>('SELECT kind, created_by AS createdBy FROM import_mappings WHERE id = ?').get(id);
    const mayDelete = m && importKindsOf(s.user.role).includes(m.kind) && (m.createdBy === s.user.id || ALL_IMPORTS_ROLES.includes(s.user.role));
    if (!mayDelete) throw notFound();
    this.core.sqlite.prepare('DELETE FROM import_mappings WHERE id = ?').run(id);
    return { ok: true };
  }
}
