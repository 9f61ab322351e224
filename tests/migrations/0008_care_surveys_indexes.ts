import { expect } from 'vitest';
import { columnsOf, indexColumns, seedBasics, type MigrationStep } from './step';

/** Satisfaction surveys get comment, natural key (unique), source and author; existing surveys keep their scores. */
export default {
  seed(db) {
    const { customerA } = seedBasics(db);
    db.prepare("INSERT INTO satisfaction_surveys (kind, customer_id, score, survey_date, created_at) VALUES ('csi', ?, 72, '2026-03-01', 0)").run(customerA);
  },
  check(db) {
    expect(columnsOf(db, 'satisfaction_surveys')).toEqual(expect.arrayContaining(['comment', 'natural_key', 'source', 'created_by']));
    expect(db.prepare('SELECT score, natural_key AS k FROM satisfaction_surveys').all()).toEqual([{ score: 72, k: null }]);
    const add = db.prepare("INSERT INTO satisfaction_surveys (kind, customer_id, score, survey_date, created_at, natural_key) VALUES ('csi', 1, 90, '2026-03-02', 0, 'K1')");
    add.run();
    expect(() => add.run()).toThrow(/UNIQUE/);
    expect(indexColumns(db, 'surveys_date_idx')).toEqual(['survey_date']);
    expect(indexColumns(db, 'appointments_advisor_idx')).toEqual(['advisor_id', 'date']);
    expect(indexColumns(db, 'solicitation_kind_created_idx')).toEqual(['kind', 'created_at']);
    expect(indexColumns(db, 'solicitation_customer_idx')).toEqual(['customer_id']);
  },
} satisfies MigrationStep;
