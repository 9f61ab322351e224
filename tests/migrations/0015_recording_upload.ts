import { expect } from 'vitest';
import type { MigrationStep } from './step';

/** A recording may carry the SHA-256 of its uploaded file; recordings already kept have none. */
export default {
  seed(db) {
    const call = Number(db.prepare("INSERT INTO calls (direction, started_at) VALUES ('in', 0)").run().lastInsertRowid);
    db.prepare("INSERT INTO recordings (call_id, path, mime, created_at) VALUES (?, '2026/03/1.webm', 'audio/webm', 0)").run(call);
  },
  check(db) {
    expect(db.prepare('SELECT path, upload_sha256 AS sha FROM recordings').get()).toEqual({ path: '2026/03/1.webm', sha: null });
  },
} satisfies MigrationStep;
