import { sql } from 'drizzle-orm';
import { activities, customers, deliveries, opportunities, vehicles } from '../../../../db/schema';
import type { DmsStatus } from '../../../common/api/sales';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import { assertVersion } from '../../stale-record';
import type { SessionCtx } from '../auth';
import { normalizePlate } from '../customers';
import { idNumberProblem, isValidUscc, isValidVin } from '../../../common/customer-ids';
import { isDate } from '../../../common/dates';
import { DmsExporter } from './dms-export';
import { OPPORTUNITY_TEXTS } from './opportunity-texts';
import { SalesProblems, type OpportunityService } from './opportunities';

export interface DeliverInput {
  id: number;
  model: string;
  vin: string;
  plate?: string | null;
  price: number;
  deliveryDate: string;
  buyerIdNumber: string;
  /** The version the panel loaded; omitted only by background writes (issue 15). */
  expectedVersion?: number;
}

export interface DeliverResult {
  deliveryId: number;
  vehicleId: number;
  dmsStatus: DmsStatus;
  dmsError: string | null;
}

const blank = (v: string | null | undefined): boolean => v == null || v.trim() === '';
const compact = (v: string) => v.replace(/[\s\u3000]/g, '').toUpperCase();

/**
 * 递交新车 (stage 100): the delivery form's checks, then in ONE transaction the delivery row, the
 * customer's vehicle (which makes them an after-sales customer: service reminders and revisits
 * work from vehicles), the stage move with its history, status 'won', the customer's ID number
 * when none was on file, and the audit rows. The opportunity's still-planned activities are
 * cancelled in the same transaction: the opportunity is closed, and after-sales follow-up (销售回访)
 * belongs to customer service, so they would only show as overdue sales work.
 * The DMS hand-off runs after the commit; its failure is recorded on the delivery, never undoes it.
 */
export class DealService {
  readonly dms: DmsExporter;

  constructor(
    private core: Pick<Core, 'clock' | 'dataDir' | 'db' | 'settings'>,
    private opps: OpportunityService,
  ) {
    this.dms = new DmsExporter(core);
  }

  deliver(s: SessionCtx, input: DeliverInput): DeliverResult {
    const opp = this.opps.mine(s, input.id);
    assertVersion(opp, input.expectedVersion, 'opportunity');
    const p = new SalesProblems(s.user.locale);
    if (opp.status !== 'open') {
      p.add('stage', 'sales.closed', { status: opp.status });
      p.throwIfAny();
    }
    const db = this.core.db;
    const customer = db.get<{ kind: 'individual' | 'company'; idNumber: string | null }>(
      sql`SELECT kind, id_number AS idNumber FROM customers WHERE id = ${opp.customerId}`,
    )!;
    const today = this.opps.today();

    if (blank(input.model)) p.add('model', 'required');
    else if (!this.opps.dict.accepts('model', input.model.trim())) p.add('model', 'dict.unknown', { code: input.model });

    const vin = compact(input.vin);
    if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(vin)) p.add('vin', vin ? 'vin.format' : 'required');
    else if (!isValidVin(vin)) p.add('vin', 'vin.check');
    else if (db.get(sql`SELECT 1 FROM deliveries WHERE vin = ${vin} LIMIT 1`)) p.add('vin', 'sales.vin.delivered');
    else if (db.get(sql`SELECT 1 FROM vehicles WHERE vin = ${vin} LIMIT 1`)) p.add('vin', 'vin.taken');

    let plate: string | null = null;
    if (!blank(input.plate)) {
      plate = normalizePlate(input.plate!);
      if (plate === null) p.add('plate', 'plate.invalid');
    }

    if (!Number.isFinite(input.price) || input.price <= 0) p.add('price', 'sales.price.invalid');

    if (blank(input.deliveryDate)) p.add('deliveryDate', 'required');
    else if (!isDate(input.deliveryDate)) p.add('deliveryDate', 'date.format');
    else if (input.deliveryDate > today) p.add('deliveryDate', 'date.future');
    else if (input.deliveryDate < '1900-01-01') p.add('deliveryDate', 'date.tooOld');

    // The buyer's ID number is the DMS customer number: a person's 身份证号, or a company's USCC
    // (a company may also buy in a person's name, so a valid ID card number passes for it too).
    const buyerId = compact(input.buyerIdNumber);
    if (!buyerId) p.add('buyerIdNumber', 'required');
    else if (customer.kind === 'company') {
      if (!isValidUscc(buyerId) && idNumberProblem(buyerId, today)) p.add('buyerIdNumber', 'sales.buyerId.invalid');
    } else {
      const problem = idNumberProblem(buyerId, today);
      if (problem) p.add('buyerIdNumber', problem.key, problem.date ? { date: problem.date } : {});
    }
    p.throwIfAny();

    const model = input.model.trim();
    const brand = this.brandOf(model);
    const now = this.core.clock.now();
    const actor = s.user.id;
    const w = this.opps.writer;
    let ids: { deliveryId: number; vehicleId: number };
    try {
      ids = db.transaction((tx) => {
        // Re-read inside the transaction: a second click or a colleague may have closed it meanwhile.
        const fresh = tx.get<{ status: string }>(sql`SELECT status FROM opportunities WHERE id = ${opp.id}`);
        if (fresh?.status !== 'open') throw new AppError('CONFLICT', { reason: OPPORTUNITY_TEXTS.text('closedMeanwhile', p.locale) });
        const vehicle = w.insert(
          actor,
          'vehicle',
          vehicles,
          { customerId: opp.customerId, vin, plate, brand, model, purchaseDate: input.deliveryDate, deliveryDate: input.deliveryDate, createdAt: now, updatedAt: now },
          tx,
        );
        const delivery = w.insert(
          actor,
          'delivery',
          deliveries,
          {
            opportunityId: opp.id,
            customerId: opp.customerId,
            vehicleId: vehicle.id,
            vin,
            model,
            price: input.price,
            deliveryDate: input.deliveryDate,
            buyerIdNumber: buyerId,
            consultantId: opp.consultantId,
            dmsStatus: 'pending',
            dmsAttempts: 0,
            createdAt: now,
          },
          tx,
        );
        // The stage move is the deal's first write to the opportunity: it carries the form's version.
        this.opps.changeStage(s, { id: opp.id, stage: 'delivery', expectedVersion: input.expectedVersion }, tx, { viaDeal: true });
        w.update(actor, 'opportunity', opportunities, opp.id, { status: 'won', closedAt: now, model, price: input.price, updatedAt: now }, tx);
        if (blank(customer.idNumber)) w.update(actor, 'customer', customers, opp.customerId, { idNumber: buyerId, updatedAt: now }, tx);
        const planned = tx.all<{ id: number }>(sql`SELECT id FROM activities WHERE opportunity_id = ${opp.id} AND status = 'planned'`);
        for (const a of planned) w.update(actor, 'activity', activities, a.id, { status: 'cancelled', result: 'delivered', updatedAt: now }, tx);
        return { deliveryId: delivery.id, vehicleId: vehicle.id };
      });
    } catch (err) {
      // The VIN was registered by someone else between the check and the insert (unique index).
      if ((err as { code?: string })?.code === 'SQLITE_CONSTRAINT_UNIQUE' && String((err as Error).message).includes('vehicles.vin')) {
        p.add('vin', 'vin.taken');
        p.throwIfAny();
      }
      throw err;
    }
    const out = this.exportSafely(actor, ids.deliveryId);
    return { ...ids, dmsStatus: out.dmsStatus, dmsError: out.dmsError };
  }

  /** 重新导出: only a deal on an opportunity this user may act on. */
  retryDms(s: SessionCtx, deliveryId: number): { dmsStatus: DmsStatus; dmsError: string | null; file: string } {
    const row = this.core.db.get<{ opportunityId: number } | undefined>(sql`SELECT opportunity_id AS opportunityId FROM deliveries WHERE id = ${deliveryId}`);
    if (!row) throw new AppError('NOT_FOUND');
    this.opps.mine(s, row.opportunityId);
    return this.exportSafely(s.user.id, deliveryId);
  }

  private exportSafely(actor: number, deliveryId: number): { dmsStatus: DmsStatus; dmsError: string | null; file: string } {
    try {
      return this.dms.export(actor, deliveryId);
    } catch (err) {
      // Even a database problem while recording the outcome leaves the committed deal alone.
      return { dmsStatus: 'failed', dmsError: String((err as Error)?.message ?? err), file: '' };
    }
  }

  private brandOf(model: string): string | null {
    const row = this.core.db.get<{ extra: string | null } | undefined>(sql`SELECT extra FROM dictionaries WHERE kind = 'model' AND code = ${model}`);
    try {
      const extra = row?.extra ? (JSON.parse(row.extra) as { brand?: string }) : null;
      return extra?.brand ?? null;
    } catch {
      return null;
    }
  }
}
