import { expect } from 'vitest';
import { exists, seedBasics, type MigrationStep } from './step';

/** 客户去重: scan results (groups and members), dismissed groups, and merges (the old id resolving to the kept one). */
export default {
  seed(db) {
    seedBasics(db);
  },
  check(db) {
    for (const t of ['duplicate_groups', 'duplicate_members', 'duplicate_dismissals', 'customer_merges']) expect(exists(db, 'table', t)).toBe(true);
    expect(exists(db, 'index', 'duplicate_members_customer_idx')).toBe(true);
    expect(exists(db, 'index', 'customer_merges_kept_idx')).toBe(true);
    const c = db.prepare('SELECT id FROM customers LIMIT 1').pluck().get() as number;
    const g = Number(db.prepare("INSERT INTO duplicate_groups (rule, key, size, found_at) VALUES ('phone', '13800000000', 2, 0)").run().lastInsertRowid);
    db.prepare('INSERT INTO duplicate_members (group_id, customer_id) VALUES (?, ?)').run(g, c);
    // A group's members go with it.
    db.prepare('DELETE FROM duplicate_groups WHERE id = ?').run(g);
    expect(db.prepare('SELECT count(*) FROM duplicate_members').pluck().get()).toBe(0);
  },
} satisfies MigrationStep;
