import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { deliveries } from '../../../../db/schema';
import type { DmsStatus } from '../../../common/api/sales';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../data-folder/permissions';
import { AuditedWriter } from '../admin';

/**
 * 递交新车 → DMS (小R3) hand-off: one file per deal with the customer (ID number as the customer
 * number) and the vehicle, in the folder the DMS imports from. The file name and content depend only
 * on the deal, so an export run twice (a retry, a double click) rewrites the same file with the same
 * bytes — the DMS never sees a duplicate. A failure is recorded on the deal; the deal itself stays.
 */
export type DmsFormat = 'json' | 'csv';

export function dmsFileName(deliveryId: number, format: DmsFormat = 'json'): string {
  return `dscrm-deal-${String(deliveryId).padStart(8, '0')}.${format}`;
}

export interface DmsRecord {
  dealId: number;
  opportunityId: number;
  customer: {
    customerNo: string;
    name: string;
    kind: 'individual' | 'company';
    gender: string;
    phone: string | null;
    province: string | null;
    city: string | null;
    address: string | null;
  };
  vehicle: { vin: string; model: string; modelName: string | null; plate: string | null; deliveryDate: string; price: number };
  consultant: string | null;
}

const CSV_COLUMNS: [string, (r: DmsRecord) => string | number | null][] = [
  ['customer_no', (r) => r.customer.customerNo],
  ['customer_name', (r) => r.customer.name],
  ['customer_kind', (r) => r.customer.kind],
  ['gender', (r) => r.customer.gender],
  ['phone', (r) => r.customer.phone],
  ['province', (r) => r.customer.province],
  ['city', (r) => r.customer.city],
  ['address', (r) => r.customer.address],
  ['vin', (r) => r.vehicle.vin],
  ['model', (r) => r.vehicle.model],
  ['model_name', (r) => r.vehicle.modelName],
  ['plate', (r) => r.vehicle.plate],
  ['delivery_date', (r) => r.vehicle.deliveryDate],
  ['price', (r) => r.vehicle.price],
  ['consultant', (r) => r.consultant],
  ['deal_id', (r) => r.dealId],
];

const csvCell = (v: string | number | null): string => {
  const s = v == null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The file's bytes: JSON (UTF-8) or CSV (UTF-8 with a BOM so Excel shows Chinese, CRLF lines). */
export function renderDms(r: DmsRecord, format: DmsFormat): string {
  if (format === 'csv') {
    const head = CSV_COLUMNS.map(([h]) => h).join(',');
    const row = CSV_COLUMNS.map(([, f]) => csvCell(f(r))).join(',');
    return `\uFEFF${head}\r\n${row}\r\n`;
  }
  return `${JSON.stringify(r, null, 2)}\n`;
}

export class DmsExporter {
  private writer: AuditedWriter;

  constructor(private core: Pick<Core, 'clock' | 'dataDir' | 'db' | 'settings'>) {
    this.writer = new AuditedWriter(core.db, core.clock);
  }

  dir(): string {
    const configured = String(this.core.settings.get('dms.exportDir') ?? '').trim();
    return configured ? path.resolve(configured) : path.join(this.core.dataDir, 'dms-export');
  }

  format(): DmsFormat {
    return this.core.settings.get('dms.format') === 'csv' ? 'csv' : 'json';
  }

  record(deliveryId: number): DmsRecord {
    const r = this.core.db.get<
      | {
          id: number;
          opportunityId: number;
          buyerIdNumber: string;
          vin: string;
          model: string;
          price: number;
          deliveryDate: string;
          name: string;
          kind: 'individual' | 'company';
          gender: string;
          province: string | null;
          city: string | null;
          address: string | null;
          phone: string | null;
          plate: string | null;
          modelName: string | null;
          consultant: string | null;
        }
      | undefined
    >(sql`
      SELECT d.id, d.opportunity_id AS opportunityId, d.buyer_id_number AS buyerIdNumber, d.vin, d.model, d.price, d.delivery_date AS deliveryDate,
             c.name, c.kind, c.gender, c.province, c.city, c.address,
             (SELECT p.raw FROM customer_phones p WHERE p.customer_id = c.id ORDER BY p.is_primary DESC, p.id LIMIT 1) AS phone,
             v.plate,
             (SELECT m.label_zh FROM dictionaries m WHERE m.kind = 'model' AND m.code = d.model) AS modelName,
             u.display_name AS consultant
        FROM deliveries d JOIN customers c ON c.id = d.customer_id
        LEFT JOIN vehicles v ON v.id = d.vehicle_id
        LEFT JOIN users u ON u.id = d.consultant_id
       WHERE d.id = ${deliveryId}`);
    if (!r) throw new AppError('NOT_FOUND');
    return {
      dealId: r.id,
      opportunityId: r.opportunityId,
      customer: {
        customerNo: r.buyerIdNumber,
        name: r.name,
        kind: r.kind,
        gender: r.gender,
        phone: r.phone,
        province: r.province,
        city: r.city,
        address: r.address,
      },
      vehicle: { vin: r.vin, model: r.model, modelName: r.modelName, plate: r.plate, deliveryDate: r.deliveryDate, price: r.price },
      consultant: r.consultant,
    };
  }

  /**
   * Writes the deal's file (temp file + rename, so the DMS never reads half a file) and records the
   * outcome on the delivery. Never throws for a file-system problem: it is the status 'failed'
   * with the error text, and the user retries.
   */
  export(actorId: number | null, deliveryId: number): { dmsStatus: DmsStatus; dmsError: string | null; file: string } {
    const format = this.format();
    const dir = this.dir();
    const file = path.join(dir, dmsFileName(deliveryId, format));
    const content = renderDms(this.record(deliveryId), format);
    let error: string | null = null;
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      // Buyer's name, phone and ID number: readable by the app's user only, wherever the folder is.
      fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
      fs.writeFileSync(tmp, content, { encoding: 'utf8', mode: PRIVATE_FILE_MODE });
      fs.renameSync(tmp, file);
    } catch (err) {
      error = `${(err as NodeJS.ErrnoException).code ?? 'ERROR'}: ${(err as Error).message}`.slice(0, 500);
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // the temp file may not exist or the folder may be unreadable: nothing more to clean
      }
    }
    const now = this.core.clock.now();
    const attempts = this.core.db.get<{ n: number }>(sql`SELECT dms_attempts AS n FROM deliveries WHERE id = ${deliveryId}`)?.n ?? 0;
    this.writer.update(
      actorId,
      'delivery',
      deliveries,
      deliveryId,
      error
        ? { dmsStatus: 'failed', dmsAttempts: attempts + 1, dmsLastError: error }
        : { dmsStatus: 'exported', dmsAttempts: attempts + 1, dmsLastError: null, dmsExportedAt: now },
    );
    return { dmsStatus: error ? 'failed' : 'exported', dmsError: error, file };
  }
}
