import { sql } from 'drizzle-orm';
import { purchaseIntents } from '../../../../db/schema';
import type { PurchaseIntent } from '../../../common/api/sales';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import type { SessionCtx } from '../auth';
import { isDate } from '../../../common/dates';
import { SalesProblems, type OpportunityService } from './opportunities';

export interface IntentFields {
  model: string;
  quantity: number;
  budget?: number | null;
  expectedDate?: string | null;
  notes?: string | null;
  opportunityId?: number | null;
}

const blank = (v: string | null | undefined): boolean => v == null || v.trim() === '';

/**
 * 购车意向: several per customer over the years (a family car now, a second one later). Anyone who
 * may see the customer may read and record them; an intent may point at one of that customer's
 * opportunities.
 */
export class IntentService {
  constructor(
    private core: Pick<Core, 'clock' | 'db' | 'visibility'>,
    private opps: OpportunityService,
  ) {}

  list(s: SessionCtx, customerId: number): PurchaseIntent[] {
    this.core.visibility.requireVisible(s, customerId);
    return this.opps.intentsOf(customerId);
  }

  private check(s: SessionCtx, customerId: number, v: Partial<IntentFields>, full: boolean, current?: string): void {
    const p = new SalesProblems(s.user.locale);
    if (full || v.model !== undefined) {
      if (blank(v.model)) p.add('model', 'required');
      else if (!this.opps.dict.accepts('model', v.model!.trim(), current)) p.add('model', 'dict.unknown', { code: v.model });
    }
    if (v.budget != null && (!Number.isFinite(v.budget) || v.budget <= 0)) p.add('budget', 'sales.price.invalid');
    if (!blank(v.expectedDate) && !isDate(v.expectedDate)) p.add('expectedDate', 'date.format');
    if (v.opportunityId != null && !this.core.db.get(sql`SELECT 1 FROM opportunities WHERE id = ${v.opportunityId} AND customer_id = ${customerId}`)) {
      throw new AppError('NOT_FOUND');
    }
    p.throwIfAny();
  }

  create(s: SessionCtx, input: IntentFields & { customerId: number }): { id: number } {
    this.core.visibility.requireVisible(s, input.customerId);
    this.check(s, input.customerId, input, true);
    const row = this.opps.writer.insert(s.user.id, 'purchase_intent', purchaseIntents, {
      customerId: input.customerId,
      opportunityId: input.opportunityId ?? null,
      model: input.model.trim(),
      quantity: input.quantity,
      budget: input.budget ?? null,
      expectedDate: blank(input.expectedDate) ? null : input.expectedDate!,
      notes: blank(input.notes) ? null : input.notes!.trim(),
      createdAt: this.core.clock.now(),
      createdBy: s.user.id,
    });
    return { id: row.id };
  }

  update(s: SessionCtx, input: { id: number; patch: Partial<IntentFields> }): { id: number } {
    const row = this.core.db.get<{ customerId: number; model: string } | undefined>(
      sql`SELECT customer_id AS customerId, model FROM purchase_intents WHERE id = ${input.id}`,
    );
    if (!row) throw new AppError('NOT_FOUND');
    this.core.visibility.requireVisible(s, row.customerId);
    this.check(s, row.customerId, input.patch, false, row.model);
    const { model, quantity, budget, expectedDate, notes, opportunityId } = input.patch;
    const patch: Partial<typeof purchaseIntents.$inferInsert> = {};
    if (model !== undefined) patch.model = model.trim();
    if (quantity !== undefined) patch.quantity = quantity;
    if (budget !== undefined) patch.budget = budget;
    if (expectedDate !== undefined) patch.expectedDate = blank(expectedDate) ? null : expectedDate;
    if (notes !== undefined) patch.notes = blank(notes) ? null : notes!.trim();
    if (opportunityId !== undefined) patch.opportunityId = opportunityId;
    if (Object.keys(patch).length) this.opps.writer.update(s.user.id, 'purchase_intent', purchaseIntents, input.id, patch);
    return { id: input.id };
  }
}
