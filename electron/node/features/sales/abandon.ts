import { sql } from 'drizzle-orm';
import { activities, opportunities } from '../../../../db/schema';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import { assertVersion } from '../../stale-record';
import type { SessionCtx } from '../auth';
import { dayStartMs } from '../../../common/dates';
import { OPPORTUNITY_TEXTS } from './opportunity-texts';
import { SalesProblems, type OpportunityService } from './opportunities';

export interface AbandonInput {
  id: number;
  reason: string;
  competitorBrand?: string | null;
  note?: string | null;
  /** The version the panel loaded; omitted only by background writes (issue 15). */
  expectedVersion?: number;
}

/** Reasons that name a competitor brand (abandon_reason dictionary, admin/reference-dictionaries.ts). */
export const COMPETITOR_REASONS: readonly string[] = ['competitor'];

const blank = (v: string | null | undefined): boolean => v == null || v.trim() === '';

/** 'YYYY-MM-DD' plus whole years; 29 Feb falls back to 28 Feb in a common year. */
export function addYears(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) + years;
  const md = day.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${y}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** The follow-up years setting, kept within the 3–5 years DS-CRM plans. */
export function followUpYears(setting: unknown): number {
  const n = Math.round(Number(setting));
  return Number.isFinite(n) ? Math.min(5, Math.max(3, n)) : 3;
}

/**
 * 放弃该机会: the reason from the dictionary, the competitor brand when the customer bought one,
 * status 'abandoned' with closedAt, the opportunity's planned activities cancelled, and a planned
 * follow-up call N years later (setting 'sales.abandonFollowUpYears', 3–5) for the customer's
 * owner — a car buyer comes back to the market after a few years. One transaction, audited.
 */
export class AbandonService {
  constructor(
    private core: Pick<Core, 'clock' | 'db' | 'settings'>,
    private opps: OpportunityService,
  ) {}

  /** When the follow-up is planned: 10:00 dealer time, N years after today. */
  followUpAt(): number {
    const tz = this.core.settings.get('dealer.timeZone');
    const day = addYears(this.opps.today(), followUpYears(this.core.settings.get('sales.abandonFollowUpYears')));
    return dayStartMs(day, tz) + 10 * 3_600_000;
  }

  abandon(s: SessionCtx, input: AbandonInput): { id: number; followUpActivityId: number; followUpAt: number } {
    const opp = this.opps.mine(s, input.id);
    assertVersion(opp, input.expectedVersion, 'opportunity');
    const p = new SalesProblems(s.user.locale);
    if (opp.status !== 'open') {
      p.add('reason', 'sales.closed', { status: opp.status });
      p.throwIfAny();
    }
    const reason = input.reason.trim();
    if (!reason) p.add('reason', 'required');
    else if (!this.opps.dict.accepts('abandon_reason', reason)) p.add('reason', 'dict.unknown', { code: reason });
    const brand = blank(input.competitorBrand) ? null : input.competitorBrand!.trim();
    if (COMPETITOR_REASONS.includes(reason) && !brand) p.add('competitorBrand', 'sales.competitor.required');
    if (brand && !this.opps.dict.accepts('brand', brand)) p.add('competitorBrand', 'dict.unknown', { code: brand });
    p.throwIfAny();

    const db = this.core.db;
    const owner = db.get<{ ownerId: number | null }>(sql`SELECT owner_id AS ownerId FROM customers WHERE id = ${opp.customerId}`)!;
    const now = this.core.clock.now();
    const at = this.followUpAt();
    const actor = s.user.id;
    const w = this.opps.writer;
    const followUpActivityId = db.transaction((tx) => {
      const fresh = tx.get<{ status: string }>(sql`SELECT status FROM opportunities WHERE id = ${opp.id}`);
      if (fresh?.status !== 'open') throw new AppError('CONFLICT', { reason: OPPORTUNITY_TEXTS.text('closedMeanwhile', p.locale) });
      w.update(
        actor,
        'opportunity',
        opportunities,
        opp.id,
        { status: 'abandoned', abandonReason: reason, competitorBrand: brand, closedAt: now, updatedAt: now },
        tx,
        { expectedVersion: input.expectedVersion },
      );
      const planned = tx.all<{ id: number }>(sql`SELECT id FROM activities WHERE opportunity_id = ${opp.id} AND status = 'planned'`);
      for (const a of planned) w.update(actor, 'activity', activities, a.id, { status: 'cancelled', result: 'abandoned', updatedAt: now }, tx);
      const note = blank(input.note) ? '' : ` — ${input.note!.trim()}`;
      return w.insert(
        actor,
        'activity',
        activities,
        {
          customerId: opp.customerId,
          opportunityId: opp.id,
          // The customer's owner follows up; a customer without one goes back to the consultant.
          ownerId: owner.ownerId ?? opp.consultantId,
          type: 'call',
          status: 'planned',
          plannedAt: at,
          subject: OPPORTUNITY_TEXTS.text('subject.abandoned', p.locale) + note,
          createdAt: now,
          updatedAt: now,
        },
        tx,
      ).id;
    });
    return { id: opp.id, followUpActivityId, followUpAt: at };
  }
}
