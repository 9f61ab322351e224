import { expect } from 'vitest';
import { indexColumns, seedBasics, type MigrationStep } from './step';

let userId = 0;

/** Seats and pairing codes get tables; sessions may name their seat, and sessions that existed keep going with none. */
export default {
  seed(db) {
    userId = seedBasics(db).userId;
    db.prepare("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES ('t1', ?, 0, 0)").run(userId);
  },
  check(db) {
    expect(db.prepare('SELECT user_id AS u, seat_id AS seat FROM sessions').all()).toEqual([{ u: userId, seat: null }]);
    const seat = Number(db.prepare("INSERT INTO seats (name, token_hash, paired_at, paired_by) VALUES ('前台', 'h', 0, ?)").run(userId).lastInsertRowid);
    expect(() => db.prepare("INSERT INTO seats (name, token_hash, paired_at) VALUES ('二号', 'h', 0)").run()).toThrow(/UNIQUE/);
    db.prepare("INSERT INTO pairing_codes (code_hash, created_by, created_at, expires_at, seat_id) VALUES ('c', ?, 0, 1, ?)").run(userId, seat);
    expect(db.prepare('SELECT wrong_tries FROM pairing_codes').pluck().get()).toBe(0);
    expect(indexColumns(db, 'pairing_codes_open_idx')).toEqual(['used_at', 'voided_at', 'expires_at']);
    expect(indexColumns(db, 'sessions_seat_idx')).toEqual(['seat_id']);
  },
} satisfies MigrationStep;
