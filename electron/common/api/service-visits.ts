import { z } from 'zod';
import { method, returns } from './contract';
import type { Role } from '../roles';
import { importEncoding } from './import-file';
import { enumCodes, enumPairs } from '../i18n/enum-options';
import { SERVICE_VISIT_TYPE } from './service-texts';

/**
 * 维修工单 (service visits / repair orders): recorded by hand by a service advisor, or imported from
 * the DMS export. Each visit moves the vehicle's last service day, odometer and next service date,
 * and marks 招揽成功 on the customer's solicitation tasks whose window holds the day.
 */
export const SERVICE_VISIT_ROLES: readonly Role[] = ['serviceAdvisor', 'serviceManager', 'generalManager', 'admin'];

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const VISIT_TYPE_LABELS = enumPairs(SERVICE_VISIT_TYPE);

export const newServiceVisit = z
  .object({
    vehicleId: z.number().int().positive(),
    date,
    type: z.enum(enumCodes(SERVICE_VISIT_TYPE)),
    mileage: z.number().int().nullable().optional(),
    items: z.string().trim().max(2000).nullable().optional(),
    advisorId: z.number().int().positive().nullable().optional(),
    /** The DMS's RO number; one is made up (CRM-…) when empty. */
    roNumber: z.string().trim().max(40).nullable().optional(),
    amount: z.number().min(0).max(10_000_000).nullable().optional(),
  })
  .strict();
export type NewServiceVisit = z.infer<typeof newServiceVisit>;

export interface ServiceVisitSaved {
  id: number;
  roNumber: string;
  nextServiceDate: string | null;
  /** Solicitation tasks that became 招揽成功 through this visit. */
  solicitationSucceeded: number;
}

/** A file import's answer: rows saved, rows already there, and each bad row with its reason. */
export interface ImportReport {
  rows: number;
  saved: number;
  existing: number;
  /** Bad rows (first 200), 1-based as in the file (the header is row 1). */
  bad: { row: number; reason: string }[];
  badCount: number;
}

export interface VehicleVisitsView {
  vehicle: { id: number; customerId: number; customerName: string; plate: string | null; vin: string; model: string; mileage: number | null; lastServiceDate: string | null; nextServiceDate: string | null; deliveryDate: string | null };
  visits: { id: number; roNumber: string; date: string; type: string; mileage: number | null; items: string | null; advisorName: string | null }[];
  advisors: { id: number; name: string }[];
}

/** A file sent first through the upload route (POST /upload, or the desktop's upload channel). */
const file = { uploadId: z.string().min(1).max(64), encoding: importEncoding };

export const serviceVisitsApi = {
  /** A vehicle by VIN or plate (or id) with its recent visits, for the RO form. */
  'serviceVisits.vehicle': method({
    input: z.object({ vehicleId: z.number().int().positive().optional(), query: z.string().trim().max(40).optional() }).strict(),
    access: SERVICE_VISIT_ROLES,
    output: returns<VehicleVisitsView>(),
  }),
  'serviceVisits.add': method({ input: newServiceVisit, access: SERVICE_VISIT_ROLES, output: returns<ServiceVisitSaved>() }),
  /** The DMS's RO export (.xlsx / .csv): 车架号 or 车牌, 日期, 类型, 里程, 项目, 服务顾问, 工单号. */
  'serviceVisits.import': method({ input: z.object(file).strict(), access: SERVICE_VISIT_ROLES, output: returns<ImportReport>() }),
};
