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
