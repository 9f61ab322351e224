import { z } from 'zod';
import { method, returns } from './contract';

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
  kind: 'individual' | 'company';
  name: string;
  gender: 'male' | 'female' | 'other';
  idNumber: string | null;
  birthday: string | null;
  city: string | null;
  address: string | null;
  source: string;
  ownerId: number | null;
  ownerName: string | null;
  dndCall: boolean;
  dndSms: boolean;
  dndRevisit: boolean;
  phones: PhoneView[];
  vehicles: VehicleView[];
}

export const customersApi = {
  /** One customer's card. A consultant only sees customers they own (answered as not found otherwise). */
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
  kind: z.enum(['individual', 'company']).default('individual'),
  name: z.string().trim().min(1).max(60),
  gender: z.enum(['male', 'female', 'other']).nullable().optional(),
  idNumber: optionalText(18),
  birthday: optionalText(10),
  province: optionalText(20),
  city: optionalText(20),
  address: optionalText(200),
  email: optionalText(100),
  wechat: optionalText(60),
  source: z.string().trim().max(40).nullable().optional(),
  ownerId: z.number().int().positive().nullable().optional(),
  dndCall: z.boolean().optional(),
  dndSms: z.boolean().optional(),
  dndRevisit: z.boolean().optional(),
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
  /** Other customers who already have this number (only those the user may open are linked). */
  owners: { id: number; name: string; canOpen: boolean }[];
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

export const customersEditApi = {
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
      patch: customerInputSchema.partial(),
      phones: z.array(phoneInputSchema).min(1).max(5).optional(),
    }),
    access: 'session',
    output: returns<{ id: number; duplicatePhones: PhoneCheck[] }>(),
  }),
  'dict.list': method({
    input: z.object({ kind: z.string().min(1).max(40) }).strict(),
    access: 'session',
    output: returns<DictionaryItem[]>(),
  }),
} as const;
