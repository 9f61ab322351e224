import { expect } from 'vitest';
import { indexColumns, seedBasics, type MigrationStep } from './step';

let userId = 0;

/** Each user's earlier password hashes are kept (removed with the user), newest found by the (user, id) index. */
export default {
  seed(db) {
    userId = seedBasics(db).userId;
  },
  check(db) {
    db.prepare("INSERT INTO password_history (user_id, password_hash, created_at) VALUES (?, 'h1', 0)").run(userId);
    expect(db.prepare('SELECT password_hash FROM password_history WHERE user_id = ?').pluck().all(userId)).toEqual(['h1']);
    expect(() => db.prepare("INSERT INTO password_history (user_id, password_hash, created_at) VALUES (999, 'h', 0)").run()).toThrow(/FOREIGN KEY/);
    expect(indexColumns(db, 'password_history_user_idx')).toEqual(['user_id', 'id']);
  },
} satisfies MigrationStep;
