import { expect } from 'vitest';
import type { MigrationStep } from './step';

/** A call may name the LAN seat it was made through (a real seat only); earlier calls name none. */
export default {
  seed(db) {
    db.prepare("INSERT INTO calls (direction, from_number, started_at) VALUES ('in', '13800138000', 0)").run();
  },
  check(db) {
    expect(db.prepare('SELECT from_number AS n, seat_id AS seat FROM calls').get()).toEqual({ n: '13800138000', seat: null });
    expect(() => db.prepare('UPDATE calls SET seat_id = 42').run()).toThrow(/FOREIGN KEY/);
  },
} satisfies MigrationStep;
