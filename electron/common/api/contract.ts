import type { z } from 'zod';
import type { Role } from '../roles';

/**
 * Who may call a method:
 * - 'public': no session needed (login);
 * - 'session': any logged-in user;
 * - a list of roles.
 * Checks happen in dispatch on the main side, for both transports.
 */
export type Access = 'public' | 'session' | readonly Role[];

export interface MethodDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  access: Access;
  /** Callable while the session is locked (unlock, logout). */
  whenLocked?: boolean;
  /** Callable before a forced password change is done. */
  beforePasswordChange?: boolean;
  /** Carries the output type only: write `output: returns<T>()`; undefined at run time. */
  output: O;
}

export function method<I extends z.ZodType, O>(def: MethodDef<I, O>): MethodDef<I, O> {
  return def;
}

/** Phantom value naming a method's output type in the contract. */
export const returns = <O>(): O => undefined as O;

export type Contract = Record<string, MethodDef>;
export type InputOf<M> = M extends MethodDef<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<M> = M extends MethodDef<infer I, unknown> ? z.output<I> : never;
export type OutputOf<M> = M extends MethodDef<z.ZodType, infer O> ? O : never;

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** Extra facts the UI may show (e.g. minutes until an account unlocks, the locked user's name). */
  details?: Record<string, unknown>;
}

export type ApiResult<O> = { ok: true; value: O } | { ok: false; error: ApiErrorBody };

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'SESSION_LOCKED',
  'PASSWORD_CHANGE_REQUIRED',
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_ROWS',
  'TOO_LARGE',
  'BAD_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'TOO_MANY_ATTEMPTS',
  'WEAK_PASSWORD',
  'SAME_PASSWORD',
  'BAD_ORIGIN',
  'DATABASE_DAMAGED',
  'RESTORING',
  'STALE_RECORD',
  'PAIRING_CODE_WRONG',
  'SEAT_UNKNOWN',
  'SEAT_REVOKED',
  'API_VERSION_MISMATCH',
  'HOST_CERT_CHANGED',
  'HOST_UNREACHABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status each error code maps to on the web host. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  SESSION_LOCKED: 423,
  PASSWORD_CHANGE_REQUIRED: 403,
  INVALID_INPUT: 400,
  UNKNOWN_METHOD: 404,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_ROWS: 413,
  TOO_LARGE: 413,
  BAD_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  TOO_MANY_ATTEMPTS: 429,
  WEAK_PASSWORD: 400,
  SAME_PASSWORD: 400,
  BAD_ORIGIN: 403,
  DATABASE_DAMAGED: 503,
  RESTORING: 503,
  STALE_RECORD: 409,
  PAIRING_CODE_WRONG: 401,
  SEAT_UNKNOWN: 401,
  SEAT_REVOKED: 401,
  API_VERSION_MISMATCH: 409,
  HOST_CERT_CHANGED: 502,
  HOST_UNREACHABLE: 503,
  INTERNAL: 500,
};
