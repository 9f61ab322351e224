import type { CustomerImportField, ImportField, ImportMapping } from '../../../common/api/data-import';
import { parseCustomerRow, type ParsedCustomerRow, type RowContext } from './customer-row';
import { type CustomerStore, type Written } from './customer-store';
import type { FileKey, ImportKindRows, RunEnv, TrailEntry, Verdict } from './kinds';

/** The fields a customer import cannot run without: a name, and a phone or a VIN to know the customer by. */
export function missingCustomerFields(mapping: ImportMapping): CustomerImportField[] {
  const out: CustomerImportField[] = [];
  if (mapping.name === undefined) out.push('name');
  if (mapping.mobile === undefined && mapping.phone2 === undefined && mapping.vin === undefined) out.push('mobile');
  return out;
}

export function trailOf(kind: 'created' | 'updated', w: Written): TrailEntry {
  return { customerId: w.customerId, action: kind, version: w.version, before: w.before, phoneIds: w.phoneIds, vehicleIds: w.vehicleIds, records: null };
}

/** 客户 (with phones and a vehicle): matched by VIN, ID number or phone; skip, fill the empty fields, or create anyway. */
export class CustomerRows implements ImportKindRows<ParsedCustomerRow> {
  constructor(
    private ctx: RowContext,
    private store: CustomerStore,
  ) {}

  missing(mapping: ImportMapping): ImportField[] {
    return missingCustomerFields(mapping);
  }

  parse(mapping: ImportMapping, row: number, cells: readonly string[]): ParsedCustomerRow {
    return parseCustomerRow(this.ctx, mapping, row, cells);
  }

  existing(p: ParsedCustomerRow) {
    return this.store.match(p.customer.idNumber, p.phones, p.vehicle);
  }

  keys(p: ParsedCustomerRow): FileKey[] {
    const out: FileKey[] = [];
    if (p.vehicle) out.push({ by: 'vin', value: p.vehicle.vin, key: `vin:${p.vehicle.vin}` });
    if (p.customer.idNumber) out.push({ by: 'idNumber', value: p.customer.idNumber, key: `id:${p.customer.idNumber}` });
    for (const ph of p.phones) out.push({ by: 'phone', value: ph.raw, key: `phone:${ph.normalized}` });
    return out;
  }

  apply(p: ParsedCustomerRow, env: RunEnv): Verdict {
    const audit = (w: Written) => [{ entity: 'customer', entityId: w.customerId, before: w.before, after: w.after }];
    const match = this.store.match(p.customer.idNumber, p.phones, p.vehicle);
    const create = (): Verdict => {
      const w = this.store.create(env.actor, env.now, env.today, p.customer, p.customer.ownerId ?? env.defaultOwnerId, p.phones, p.vehicle);
      return { kind: 'created', trail: trailOf('created', w), audits: audit(w) };
    };
    if (!match) return create();
    if (env.matchMode === 'skip') return 'skipped';
    const vinOwner = p.vehicle ? this.store.vinOwner(p.vehicle.vin) : null;
    if (env.matchMode === 'create') return vinOwner !== null ? 'bad' : create();
    if (!env.canSee(match.customerId)) return 'skipped';
    if (vinOwner !== null && vinOwner !== match.customerId) return 'bad';
    env.touch(match.customerId);
    const w = this.store.fillEmpty(match.customerId, env.now, env.today, p.customer, p.phones, p.vehicle);
    return w ? { kind: 'updated', trail: trailOf('updated', w), audits: audit(w) } : 'skipped';
  }
}
