import { z } from 'zod';
import { method, returns } from './contract';
import type { Role } from '../roles';
import { CONSENT_METHODS, GENDER_CODES } from './customers-texts';
import { VISIT_MODE } from './sales-texts';

/**
 * 展厅流量 (showroom traffic), 试乘试驾 (test drives) and the daily traffic report (issue 5).
 * Record-level rules (a consultant's own records, a manager's teams) are enforced by the handlers in SQL.
 */
export const SHOWROOM_ROLES: readonly Role[] = ['salesConsultant', 'salesManager', 'generalManager', 'admin'];
/** Who manages the test-drive fleet. */
export const FLEET_ROLES: readonly Role[] = ['salesManager', 'generalManager', 'admin'];

/** 模式: 1 and 2 are first visits, 3 and 4 return visits (the audit's definition). */
export const VISIT_MODES = (
  [
    { mode: 1, firstVisit: true },
    { mode: 2, firstVisit: true },
    { mode: 3, firstVisit: false },
    { mode: 4, firstVisit: false },
  ] as const
).map((m) => ({ ...m, ...VISIT_MODE.pair(`${m.mode}`) }));
export type VisitMode = (typeof VISIT_MODES)[number]['mode'];

/** First visit or not follows from the mode; the form shows it read-only and the server derives it. */
export function isFirstVisitMode(mode: number): boolean {
  return mode === 1 || mode === 2;
}

/** A visit entered more than this long after it happened is flagged late (the audit's 24 hours). */
export const LATE_AFTER_MS = 24 * 3_600_000;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const optText = (max: number) => z.string().trim().max(max).nullable().optional();
const id = z.number().int().positive();

export interface WalkInTotal {
  consultantId: number;
  consultantName: string;
  model: string;
  count: number;
}

export interface VisitRegistered {
  visitId: number;
  customerId: number;
  customerCreated: boolean;
  opportunityId: number;
  opportunityCreated: boolean;
  firstVisit: boolean;
  late: boolean;
}

export interface TrafficDayRow {
  date: string;
  consultantId: number;
  consultantName: string;
  walkIns: number;
  firstVisits: number;
  returnVisits: number;
  /** Registered first visits (modes 1 and 2): the prospects who left their details. */
  newProspects: number;
  /** 集客量 = walk-ins + new prospects. */
  traffic: number;
}

export interface TrafficConsultantMonth {
  consultantId: number;
  consultantName: string;
  walkIns: number;
  newProspects: number;
  returnVisits: number;
  /** Deals delivered (递交新车) in the month. */
  newSales: number;
  /** 留档率 = new prospects / (new prospects + walk-ins); null when both are 0. */
  registrationRate: number | null;
  /** 成交率 = new sales / (new sales + new prospects); null when both are 0. */
  closingRate: number | null;
}

export interface TrafficReport {
  month: string;
  rows: TrafficDayRow[];
  consultants: TrafficConsultantMonth[];
  total: Omit<TrafficConsultantMonth, 'consultantId' | 'consultantName'>;
}

export interface TestDriveVehicle {
  id: number;
  model: string;
  plate: string | null;
  vin: string | null;
  active: boolean;
}

/** One registered visit as its correction form loads it (the audit's fields and the version). */
export interface VisitView {
  id: number;
  name: string;
  phone: string | null;
  consultantId: number | null;
  consultantName: string | null;
  visitDate: string;
  /** Epoch ms of the visit; null for an old record without a time. */
  visitAt: number | null;
  mode: number;
  firstVisit: boolean;
  interestedModel: string | null;
  testDrive: boolean;
  ordered: boolean;
  delivered: boolean;
  version: number;
}

export interface TestDriveBookingView {
  id: number;
  vehicleId: number;
  customerId: number;
  /** The customer's name when the user may see the customer; masked (张*) otherwise. */
  customerName: string;
  opportunityId: number | null;
  consultantId: number | null;
  consultantName: string | null;
  startAt: number;
  endAt: number;
  status: 'booked' | 'done' | 'cancelled';
  /** The user may cancel / complete it (their own, or their team's for a manager). */
  canAct: boolean;
}

export const visitInputSchema = z.object({
  name: z.string().trim().min(1).max(60),
  gender: z.enum(GENDER_CODES).default('other'),
  phone: z.string().trim().min(1).max(40),
  /** Default: the user. A manager may register for a consultant of their teams. */
  consultantId: id.optional(),
  visitDate: date,
  /** Local time of the visit in the dealer's time zone; default now when the date is today. */
  visitTime: time.optional(),
  mode: z.number().int().min(1).max(4),
  /** Optional: when sent it must agree with the mode (1, 2 first visit; 3, 4 return). */
  firstVisit: z.boolean().optional(),
  testDrive: z.boolean().default(false),
  testDriveModel: optText(40),
  ordered: z.boolean().default(false),
  delivered: z.boolean().default(false),
  interestedModel: optText(40),
  competitorBrand: optText(40),
  expectedPurchaseDate: optText(10),
  /**
   * 同意接收商业信息 signed at this visit, and how (reference/003 asks it of every first-visit
   * prospect): recorded on the customer, dated the visit's day, unless consent is already given.
   */
  consentMethod: z.enum(CONSENT_METHODS).nullable().optional(),
  /** The opportunity's next planned activity; default: a call the next day at 10:00. */
  nextActivity: z.object({ type: z.string().min(1).max(20), plannedAt: z.number().int(), subject: z.string().trim().min(1).max(200) }).optional(),
});

export const showroomApi = {
  /** The dealer's today, the time now and the time zone: the screens default to these, not the PC's clock. */
  'showroom.today': method({
    input: z.object({}).strict(),
    access: SHOWROOM_ROLES,
    output: returns<{ date: string; time: string; timeZone: string }>(),
  }),
  /** 未留档客户: a batch of walk-ins for a model and day; a negative count corrects the day's total (never below 0). */
  'showroom.walkIns.add': method({
    input: z.object({ date, model: z.string().trim().min(1).max(40), count: z.number().int().min(-500).max(500), consultantId: id.optional() }).strict(),
    access: SHOWROOM_ROLES,
    output: returns<{ id: number; total: number }>(),
  }),
  /** The day's walk-in totals per consultant and model that the user may see. */
  'showroom.walkIns.list': method({
    input: z.object({ date, consultantId: id.optional() }).strict(),
    access: SHOWROOM_ROLES,
    output: returns<WalkInTotal[]>(),
  }),
  /** 登记来访: customer (found by phone or created), opportunity (linked or created) and the visit, in one transaction. */
  'showroom.visits.register': method({
    input: visitInputSchema.strict(),
    access: SHOWROOM_ROLES,
    output: returns<VisitRegistered>(),
  }),
  /** One visit the user may see (their own, a manager's teams'), for its correction form. */
  'showroom.visits.get': method({
    input: z.object({ id }).strict(),
    access: SHOWROOM_ROLES,
    output: returns<VisitView>(),
  }),
  /**
   * Later facts about a visit (ordered, delivered, test drive, interest) and corrections of what 审核自查
   * checks 1–3 flag: the visitor's name and phone, the mode with its first-visit flag, the consultant
   * (managers: their teams' consultants). The visit's date and time are not correctable: the audit
   * measures the entry against them. A correction sends the version its form loaded.
   */
  'showroom.visits.update': method({
    input: z
      .object({
        id,
        expectedVersion: z.number().int().positive().optional(),
        patch: z
          .object({
            name: z.string().trim().min(1).max(60),
            phone: z.string().trim().min(1).max(40),
            mode: z.number().int().min(1).max(4),
            firstVisit: z.boolean(),
            consultantId: id,
            testDrive: z.boolean(),
            testDriveModel: optText(40),
            ordered: z.boolean(),
            delivered: z.boolean(),
            interestedModel: optText(40),
            competitorBrand: optText(40),
            expectedPurchaseDate: optText(10),
          })
          .partial()
          .strict(),
      })
      .strict(),
    access: SHOWROOM_ROLES,
    output: returns<{ id: number }>(),
  }),
  /** 日报: walk-ins and registered visits per day and consultant for a month, and the month's rates. */
  'showroom.traffic.daily': method({
    input: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'), consultantId: id.optional() }).strict(),
    access: SHOWROOM_ROLES,
    output: returns<TrafficReport>(),
  }),
  'showroom.testDrive.vehicles': method({
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    access: SHOWROOM_ROLES,
    output: returns<TestDriveVehicle[]>(),
  }),
  'showroom.testDrive.createVehicle': method({
    input: z.object({ model: z.string().trim().min(1).max(40), plate: optText(10), vin: optText(17) }).strict(),
    access: FLEET_ROLES,
    output: returns<{ id: number }>(),
  }),
  'showroom.testDrive.deactivateVehicle': method({
    input: z.object({ id }).strict(),
    access: FLEET_ROLES,
    output: returns<{ id: number }>(),
  }),
  /** Books a vehicle; refused for a time in the past or one overlapping another booking of the vehicle. */
  'showroom.testDrive.book': method({
    // Either epoch ms (startAt, endAt) or the dealer's local day and times (date, startTime, endTime).
    input: z
      .object({
        vehicleId: id,
        customerId: id,
        opportunityId: id.optional(),
        startAt: z.number().int().optional(),
        endAt: z.number().int().optional(),
        date: date.optional(),
        startTime: time.optional(),
        endTime: time.optional(),
        consultantId: id.optional(),
      })
      .strict()
      .refine((x) => (x.startAt !== undefined && x.endAt !== undefined) || (x.date !== undefined && x.startTime !== undefined && x.endTime !== undefined), {
        message: 'startAt and endAt, or date, startTime and endTime',
      }),
    access: SHOWROOM_ROLES,
    output: returns<{ id: number; opportunityId: number | null }>(),
  }),
  'showroom.testDrive.cancel': method({
    input: z.object({ id }).strict(),
    access: SHOWROOM_ROLES,
    output: returns<{ id: number }>(),
  }),
  /** The drive took place: the booking is done and its opportunity moves up to 试车 if it was behind. */
  'showroom.testDrive.complete': method({
    input: z.object({ id }).strict(),
    access: SHOWROOM_ROLES,
    output: returns<{ id: number; stageChanged: boolean }>(),
  }),
  /** Every active vehicle and the day's bookings (others' customers masked), so a free slot can be picked. */
  'showroom.testDrive.schedule': method({
    input: z.object({ date }).strict(),
    access: SHOWROOM_ROLES,
    output: returns<{ timeZone: string; vehicles: TestDriveVehicle[]; bookings: TestDriveBookingView[] }>(),
  }),
} as const;
