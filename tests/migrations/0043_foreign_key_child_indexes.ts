import { expect } from 'vitest';
import { queryPlan, seedBasics, type MigrationStep } from './step';

/**
 * The child side of the foreign keys whose parents the app deletes gets an index: an import's undo
 * deletes opportunities and repair orders one by one, and SQLite checks each child table for rows
 * pointing at each — without these, a scan of every purchase intent (233k at 1M customers) per
 * opportunity.
 */
export default {
  seed(db) {
    seedBasics(db);
  },
  check(db) {
    for (const [table, column, index] of [
      ['purchase_intents', 'opportunity_id', 'intents_opportunity_idx'],
      ['test_drive_bookings', 'opportunity_id', 'test_drive_bookings_opportunity_idx'],
      ['manager_comments', 'opportunity_id', 'manager_comments_opportunity_idx'],
      ['revisit_answers', 'question_id', 'revisit_answers_question_idx'],
      ['solicitation_tasks', 'success_visit_id', 'solicitation_success_visit_idx'],
    ]) expect(queryPlan(db, `SELECT 1 FROM ${table} WHERE ${column} = 1`)).toContain(index);
  },
} satisfies MigrationStep;
