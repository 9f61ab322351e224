import { expect } from 'vitest';
import type { MigrationStep } from './step';

/** A message remembers its concatenation reference and parts digest, so a resend reuses them; old messages have neither. */
export default {
  seed(db) {
    db.prepare("INSERT INTO sms_messages (number, text, parts, status, created_at, updated_at) VALUES ('13800138000', '您好', 1, 'sent', 0, 0)").run();
  },
  check(db) {
    expect(db.prepare('SELECT text, concat_ref AS ref, parts_digest AS digest FROM sms_messages').get()).toEqual({ text: '您好', ref: null, digest: null });
    db.prepare("UPDATE sms_messages SET concat_ref = 17, parts_digest = 'abc'").run();
    expect(db.prepare('SELECT concat_ref FROM sms_messages').pluck().get()).toBe(17);
  },
} satisfies MigrationStep;
