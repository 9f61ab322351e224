import { sql } from 'drizzle-orm';
import type { DedupeStatus, DuplicateGroup, DuplicateMember, DuplicateRuleCode, MergeSide } from '../../../common/api/dedupe';
import { MERGE_FIELDS, MERGE_RECORD_TABLES } from '../../../common/api/dedupe';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import type { SessionCtx } from '../auth';
import { MERGE_COLUMN } from './merge';
import { findDuplicates, storeDuplicates } from './scan';

type DedupeCore = Pick<Core, 'sqlite' | 'db' | 'reads' | 'clock' | 'visibility' | 'auth'>;


/** 客户去重's scan (one at a time, in the background), its groups as each user may see them, and what the merge screen compares. */
export class DedupeService {
  private scanning: Promise<void> | null = null;
  private lastScanAt: number | null = null;

  constructor(private core: DedupeCore) {}

  status(): DedupeStatus {
    const row = this.core.sqlite.prepare('SELECT max(found_at) AS at, count(*) AS n FROM duplicate_groups').get() as { at: number | null; n: number };
    return { scanning: this.scanning !== null, lastScanAt: this.lastScanAt ?? row.at, groups: row.n };
  }

  /** Starts a scan unless one runs; resolves when it is stored (tests, the nightly job). */
  scan(): Promise<void> {
    this.scanning ??= (async () => {
      try {
        const groups = await findDuplicates(this.core);
        const now = this.core.clock.now();
        storeDuplicates(this.core.sqlite, groups, now);
        this.lastScanAt = now;
      } finally {
        this.scanning = null;
      }
    })();
    return this.scanning;
  }

  groups(s: SessionCtx, input: { rule?: DuplicateRuleCode; offset: number; limit: number }): { total: number; rows: DuplicateGroup[] } {
    const visible = this.core.visibility.visibleCustomers(s, 'c');
    const rule = input.rule ? sql`g.rule = ${input.rule}` : sql`1`;
    // Groups with at least two customers this user may see; the others' members are not shown.
    const seen = sql`(SELECT count(*) FROM duplicate_members m JOIN customers c ON c.id = m.customer_id WHERE m.group_id = g.id AND ${visible}) >= 2`;
    const total = (this.core.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM duplicate_groups g WHERE ${rule} AND ${seen}`)?.n ?? 0) as number;
    const groups = this.core.db.all<{ id: number; rule: DuplicateRuleCode; key: string }>(
      sql`SELECT g.id, g.rule, g.key FROM duplicate_groups g WHERE ${rule} AND ${seen} ORDER BY g.id LIMIT ${input.limit} OFFSET ${input.offset}`,
    );
    if (groups.length === 0) return { total, rows: [] };
    const ids = sql.join(
      groups.map((g) => sql`${g.id}`),
      sql`, `,
    );
    const members = this.core.db.all<DuplicateMember & { groupId: number }>(
      sql`SELECT m.group_id AS groupId, c.id, c.name, c.id_number AS idNumber, c.created_at AS createdAt, u.display_name AS ownerName,
                 (SELECT p.raw FROM customer_phones p WHERE p.customer_id = c.id ORDER BY p.is_primary DESC, p.id LIMIT 1) AS phone,
                 (SELECT count(*) FROM vehicles v WHERE v.customer_id = c.id) AS vehicles
            FROM duplicate_members m JOIN customers c ON c.id = m.customer_id LEFT JOIN users u ON u.id = c.owner_id
           WHERE m.group_id IN (${ids}) AND ${visible} ORDER BY m.group_id, c.id`,
    );
    return {
      total,
      rows: groups.map((g) => ({ ...g, members: members.filter((m) => m.groupId === g.id).map(({ groupId: _g, ...m }) => m) })),
    };
  }

  compare(s: SessionCtx, keptId: number, mergedId: number): { kept: MergeSide; merged: MergeSide } {
    return { kept: this.side(s, keptId), merged: this.side(s, mergedId) };
  }

  private side(s: SessionCtx, id: number): MergeSide {
    this.core.visibility.requireVisible(s, id);
    const sqlite = this.core.sqlite;
    const c = sqlite.prepare('SELECT c.*, u.display_name AS owner_name FROM customers c LEFT JOIN users u ON u.id = c.owner_id WHERE c.id = ?').get(id) as Record<string, string | number | null>;
    const fields = Object.fromEntries(MERGE_FIELDS.map((f) => [f, c[MERGE_COLUMN[f]] ?? null])) as MergeSide['fields'];
    const records = Object.fromEntries(MERGE_RECORD_TABLES.map((t) => [t, sqlite.prepare(`SELECT count(*) FROM "${t}" WHERE customer_id = ?`).pluck().get(id) as number])) as MergeSide['records'];
    return {
      id,
      version: Number(c.version),
      fields,
      ownerName: (c.owner_name as string | null) ?? null,
      phones: sqlite.prepare('SELECT raw FROM customer_phones WHERE customer_id = ? ORDER BY is_primary DESC, id').pluck().all(id) as string[],
      vins: sqlite.prepare('SELECT vin FROM vehicles WHERE customer_id = ? ORDER BY id').pluck().all(id) as string[],
      records,
    };
  }

  /** 不是重复: the group goes, and the same members under the same rule and key are not suggested again. */
  dismiss(s: SessionCtx, groupId: number): { ok: true } {
    const g = this.core.sqlite.prepare('SELECT rule, key FROM duplicate_groups WHERE id = ?').get(groupId) as { rule: string; key: string } | undefined;
    if (!g) throw new AppError('NOT_FOUND');
    const members = this.core.sqlite.prepare('SELECT customer_id FROM duplicate_members WHERE group_id = ? ORDER BY customer_id').pluck().all(groupId) as number[];
    const visible = members.filter((m) => this.core.visibility.canSee(s, m));
    if (visible.length < 2) throw new AppError('NOT_FOUND');
    this.core.sqlite.transaction(() => {
      this.core.sqlite
        .prepare('INSERT OR IGNORE INTO duplicate_dismissals (rule, key, members, dismissed_at, dismissed_by) VALUES (?, ?, ?, ?, ?)')
        .run(g.rule, g.key, members.join(','), this.core.clock.now(), s.user.id);
      this.core.sqlite.prepare('DELETE FROM duplicate_groups WHERE id = ?').run(groupId);
    })();
    return { ok: true };
  }
}
