import { expect } from 'vitest';
import { indexColumns, type MigrationStep } from './step';

let message = 0;

/** Long texts keep their parts (deleted with the message); SMS batches count opt-outs and missing mobiles (0 for old ones); channels get a table. */
export default {
  seed(db) {
    const batch = Number(db.prepare("INSERT INTO sms_batches (body, channel, status, created_at, updated_at) VALUES ('您好', 'smpp', 'done', 0, 0)").run().lastInsertRowid);
    message = Number(
      db.prepare("INSERT INTO sms_messages (batch_id, number, text, parts, status, created_at, updated_at) VALUES (?, '13800138000', '您好', 2, 'sent', 0, 0)").run(batch)
        .lastInsertRowid,
    );
  },
  check(db) {
    expect(db.prepare('SELECT body, left_out_opt_out AS o, left_out_no_mobile AS m, started_at AS s FROM sms_batches').get()).toEqual({ body: '您好', o: 0, m: 0, s: null });
    db.prepare("INSERT INTO sms_parts (message_id, part_no, gateway_id) VALUES (?, 1, 'g1'), (?, 2, 'g2')").run(message, message);
    expect(db.prepare("SELECT status FROM sms_parts WHERE gateway_id = 'g2'").pluck().get()).toBe('submitted');
    db.prepare('DELETE FROM sms_messages WHERE id = ?').run(message);
    expect(db.prepare('SELECT COUNT(*) FROM sms_parts').pluck().get()).toBe(0);
    expect(indexColumns(db, 'sms_parts_gateway_idx')).toEqual(['gateway_id']);
    expect(indexColumns(db, 'sms_parts_message_idx')).toEqual(['message_id']);
    db.prepare("INSERT INTO sms_channels (kind, config, rate_per_second, updated_at) VALUES ('smpp', '{}', 5, 0)").run();
    expect(db.prepare('SELECT enabled FROM sms_channels').pluck().get()).toBe(0);
  },
} satisfies MigrationStep;
