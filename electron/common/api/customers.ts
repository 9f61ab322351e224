import { z } from 'zod';
import { method, returns } from './contract';
import { CONSENT_METHODS, CONSENT_STATUSES, CUSTOMER_KIND_CODES, GENDER_CODES, type ConsentMethod, type ConsentStatus, type CustomerKind, type Gender } from './customers-texts';

export interface PhoneView {
  id: number;
  raw: string;
  normalized: string;
  kind: 'mobile' | 'landline' | 'other';
  isPrimary: boolean;
}

export interface VehicleView {
  id: number;
  vin: string;
  plate: string | null;
  model: string;
  purchaseDate: string | null;
  mileage: number | null;
  nextServiceDate: string | null;
  insuranceExpiry: string | null;
}

export interface CustomerCard {
  id: number;
  kind: CustomerKind;
  name: string;
  gender: Gender;
  idNumber: string | null;
  birthday: string | null;
  city: string | null;
  address: string | null;
  source: string;
  /** 职业: a code of dictionary 'occupation'; null = not known. */
  occupation: string | null;
  ownerId: number | null;
  ownerName: string | null;
  dndCall: boolean;
  dndSms: boolean;
  dndRevisit: boolean;
  /** 同意接收商业信息: null = not recorded. */
  consentStatus: ConsentStatus | null;
  consentDate: string | null;
  consentMethod: ConsentMethod | null;
  consentWithdrawnDate: string | null;
  /** The signed form's scan or photo is on file (customers.consentFile.get reads it). */
  consentFile: boolean;
  /** The record's version (issue 15): the edit form sends it back as customers.update's expectedVersion. */
  version: number;
  phones: PhoneView[];
  vehicles: VehicleView[];
  /**
   * Record sections of the 360° view: the most recent CARD_SECTION_LIMIT rows, newest first, and the
   * total. null: the section's module (销售管理 for opportunities; 客户服务 for service history,
   * revisits and complaints; 短信平台 for SMS) was taken away from the caller in 权限管理.
   */
  opportunities: CardSection<OpportunityRow> | null;
  // Activities are not here: the card's 跟进记录 section pages them itself (activities.forCustomer).
  serviceHistory: CardSection<ServiceVisitRow> | null;
  revisits: CardSection<RevisitRow> | null;
  calls: CardSection<CallRow>;
  sms: CardSection<SmsRow> | null;
  complaints: CardSection<ComplaintRow> | null;
}

/** How many rows of each card section are sent; the total says whether there are more. */
export const CARD_SECTION_LIMIT = 20;

export interface CardSection<T> {
  total: number;
  items: T[];
}

export interface OpportunityRow {
  id: number;
  stage: string;
  /** Win probability (%) of the stage; null for a stage code the funnel does not know. */
  probability: number | null;
  status: 'open' | 'won' | 'abandoned';
  model: string | null;
  expectedPurchaseDate: string | null;
  ownerName: string | null;
  createdAt: number;
}

export interface ServiceVisitRow {
  id: number;
  roNumber: string;
  date: string;
  type: 'first_service' | 'regular_service' | 'repair' | 'accident' | 'warranty' | 'other';
  plate: string | null;
  model: string | null;
  mileage: number | null;
  amount: number | null;
  advisorName: string | null;
}

export interface RevisitRow {
  id: number;
  kind: 'sales' | 'repair';
  status: 'open' | 'unreachable' | 'done';
  result: 'satisfied' | 'neutral' | 'dissatisfied' | null;
  score: number | null;
  dueDate: string | null;
  doneAt: number | null;
  agentName: string | null;
}

export interface CallRow {
  id: number;
  direction: 'inbound' | 'outbound';
  startedAt: number;
  durationS: number | null;
  outcome: string | null;
  userName: string | null;
  /** The call's recording, if one was kept (playback comes with the recordings feature). */
  recordingId: number | null;
  /** 1 while a client seat is still uploading it (上传中: not playable yet), else 0 / null. */
  recordingUploading: number | null;
}

export interface SmsRow {
  id: number;
  number: string;
  text: string;
  status: 'queued' | 'submitting' | 'submitted' | 'delivered' | 'failed' | 'unknown';
  /** Why the message failed (the gateway's or modem's reason, zh-CN / English); null otherwise. */
  error: string | null;
  createdAt: number;
}

export interface ComplaintRow {
  id: number;
  category: string;
  status: 'open' | 'assigned' | 'handling' | 'closed';
  description: string;
  createdAt: number;
  assigneeName: string | null;
}

export const customersApi = {
  /**
   * One customer's card (360° view). Visible: own customers, a manager's team's, or all with
   * customers.viewAll; anything else is answered as not found.
   */
  'customers.get': method({ input: z.object({ id: z.number().int().positive() }), access: 'session', output: returns<CustomerCard>() }),
} as const;

// ── Issue 4: search, create / edit, phone check, dictionaries ───────────────────────────────

export interface SearchHit {
  id: number;
  name: string;
  /** The best phone to show (primary), formatted as stored. */
  phone: string | null;
  plate: string | null;
  vin: string | null;
  city: string | null;
  ownerName: string | null;
  /** Which field matched, for highlighting. */
  matched: 'name' | 'phone' | 'plate' | 'vin';
}

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const phoneInputSchema = z.object({
  raw: z.string().trim().min(1).max(40),
  isPrimary: z.boolean().optional(),
});

export const vehicleInputSchema = z.object({
  vin: z.string().trim().max(17),
  plate: optionalText(10),
  model: z.string().trim().min(1).max(40),
  colour: optionalText(20),
  purchaseDate: optionalText(10),
  mileage: z.number().int().min(0).max(2_000_000).nullable().optional(),
});

/** The fields a user edits; blank enumerations are stored as 'other' (其它). */
export const customerInputSchema = z.object({
  kind: z.enum(CUSTOMER_KIND_CODES).default('individual'),
  name: z.string().trim().min(1).max(60),
  gender: z.enum(GENDER_CODES).nullable().optional(),
  idNumber: optionalText(18),
  birthday: optionalText(10),
  province: optionalText(20),
  city: optionalText(20),
  address: optionalText(200),
  email: optionalText(100),
  wechat: optionalText(60),
  source: z.string().trim().max(40).nullable().optional(),
  /** 职业 (dictionary 'occupation'); blank or null = not known. */
  occupation: z.string().trim().max(40).nullable().optional(),
  ownerId: z.number().int().positive().nullable().optional(),
  dndCall: z.boolean().optional(),
  dndSms: z.boolean().optional(),
  dndRevisit: z.boolean().optional(),
  /**
   * 同意接收商业信息 (reference/003): null = not recorded; 'given' needs the day and how; 'withdrawn'
   * needs the day it was withdrawn (the day and how it was given stay, for the record).
   */
  consentStatus: z.enum(CONSENT_STATUSES).nullable().optional(),
  consentDate: optionalText(10),
  consentMethod: z.enum(CONSENT_METHODS).nullable().optional(),
  consentWithdrawnDate: optionalText(10),
  notes: optionalText(2000),
});

/** A field-level problem the form shows under the field. */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface PhoneCheck {
  normalized: string | null;
  kind: 'mobile' | 'landline' | null;
  /** Why the number is not a phone number, in the user's language. */
  error: string | null;
  /**
   * Other customers who already have this number. For a customer the user may open, `name` is the
   * customer's name; for one they may not, only the surname is shown (张**) and `ownerName` says
   * which colleague to talk to — enough to avoid a duplicate, without revealing someone else's customer.
   */
  owners: { id: number; name: string; canOpen: boolean; ownerName: string | null }[];
}

export interface DictionaryItem {
  code: string;
  zh: string;
  en: string;
}

export const customerSearchApi = {
  /** Quick find by a fragment of name, phone, plate or VIN; ranked; only customers the user may see. */
  'customers.search': method({
    input: z.object({ q: z.string().max(100), limit: z.number().int().min(1).max(50).default(20) }).strict(),
    access: 'session',
    output: returns<SearchHit[]>(),
  }),
} as const;

/** The signed consent form's scan or photo, to show or save. */
export interface ConsentFile {
  fileName: string;
  mime: string;
  base64: string;
}

export const customersEditApi = {
  /** Attaches the signed consent form's scan or photo (an upload: JPG, PNG or PDF, ≤ 10 MB), replacing the one before; audited. */
  'customers.consentFile.attach': method({
    input: z.object({ customerId: z.number().int().positive(), uploadId: z.string().min(8).max(64) }).strict(),
    access: 'session',
    output: returns<{ fileName: string }>(),
  }),
  'customers.consentFile.get': method({
    input: z.object({ customerId: z.number().int().positive() }).strict(),
    access: 'session',
    output: returns<ConsentFile>(),
  }),
  'customers.checkPhone': method({
    input: z.object({ raw: z.string().max(40), exceptCustomerId: z.number().int().positive().optional() }).strict(),
    access: 'session',
    output: returns<PhoneCheck>(),
  }),
  /** Creates a customer with phones (and vehicles); field problems come back as INVALID_INPUT details. */
  'customers.create': method({
    input: customerInputSchema.extend({
      phones: z.array(phoneInputSchema).min(1).max(5),
      vehicles: z.array(vehicleInputSchema).max(10).default([]),
    }),
    access: 'session',
    output: returns<{ id: number; duplicatePhones: PhoneCheck[] }>(),
  }),
  'customers.update': method({
    input: z.object({
      id: z.number().int().positive(),
      /** The version the form loaded (CustomerCard.version); an older one is refused as STALE_RECORD. */
      expectedVersion: z.number().int().positive(),
      // Patch semantics: only the fields sent change. The kind's default must not apply here, or
      // every patch without it would turn a company into a person.
      patch: customerInputSchema.extend({ kind: z.enum(CUSTOMER_KIND_CODES) }).partial(),
      phones: z.array(phoneInputSchema).min(1).max(5).optional(),
    }),
    access: 'session',
    output: returns<{ id: number; duplicatePhones: PhoneCheck[] }>(),
  }),
  /**
   * Who the user may make a customer's owner (所属顾问): a manager's active team members (all active
   * users with customers.viewAll); anyone else only themself.
   */
  'customers.assignableOwners': method({
    input: z.object({}).strict(),
    access: 'session',
    output: returns<{ id: number; name: string }[]>(),
  }),
  'dict.list': method({
    input: z.object({ kind: z.string().min(1).max(40) }).strict(),
    access: 'session',
    output: returns<DictionaryItem[]>(),
  }),
} as const;
