import { expect } from 'vitest';
import { seedBasics, type MigrationStep } from './step';

/**
 * Consent to commercial messages: customers held start with none recorded; templates held become
 * 营销 (a campaign never goes out without consent by default, an admin marks the service notices);
 * batches already sent stay what they were, service notices with nobody left out for consent.
 */
export default {
  seed(db) {
    const { userId } = seedBasics(db);
    db.prepare("INSERT INTO sms_templates (name, body, category, active, created_at, updated_at) VALUES ('保养提醒', '{称呼}您好', '提醒', 1, 0, 0)").run();
    db.prepare("INSERT INTO sms_batches (created_by, body, channel, status, created_at, updated_at) VALUES (?, '您好', 'smpp', 'done', 0, 0)").run(userId);
  },
  check(db) {
    expect(db.prepare('SELECT DISTINCT consent_status, consent_date, consent_method, consent_withdrawn_date FROM customers').all()).toEqual([
      { consent_status: null, consent_date: null, consent_method: null, consent_withdrawn_date: null },
    ]);
    expect(db.prepare('SELECT name, purpose FROM sms_templates').all()).toEqual([{ name: '保养提醒', purpose: 'marketing' }]);
    expect(db.prepare('SELECT purpose, left_out_no_consent FROM sms_batches').all()).toEqual([{ purpose: 'service', left_out_no_consent: 0 }]);
  },
} satisfies MigrationStep;
