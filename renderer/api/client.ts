/**
 * The one typed API client. Every screen calls `call('method', input)`; the transport is the
 * Electron preload bridge (`window.dscrm`) when present, else HTTP POST /api/<method> on the web
 * host (the session travels in an HttpOnly cookie the page never sees).
 */
import type { ApiResult } from '../../electron/common/api/contract';
import type { Api, InputOf, OutputOf } from '../../electron/common/api';
import { getLocale, t } from '../i18n';
import { ApiError, type ClientErrorCode } from './errors';

export type MethodName = keyof Api;
export type Input<M extends MethodName> = InputOf<Api[M]>;
export type Output<M extends MethodName> = OutputOf<Api[M]>;

/** Errors that change what the whole window shows: lock screen, login, forced password change. */
export type SessionErrorCode = Extract<ClientErrorCode, 'SESSION_LOCKED' | 'UNAUTHENTICATED' | 'PASSWORD_CHANGE_REQUIRED'>;
const SESSION_ERRORS: ReadonlySet<ClientErrorCode> = new Set<SessionErrorCode>(['SESSION_LOCKED', 'UNAUTHENTICATED', 'PASSWORD_CHANGE_REQUIRED']);

type SessionErrorHandler = (error: ApiError & { code: SessionErrorCode }, method: MethodName) => void;
let sessionErrorHandler: SessionErrorHandler | null = null;

/**
 * A browser on the host's LAN listener whose seat the host no longer accepts (revoked in 终端管理,
 * or unknown): nothing works from there on, so the seat gate shows the pairing page with the reason
 * instead of leaving an error on whichever screen made the call. (A desktop client seat learns it
 * from its main process's link state instead.)
 */
export type SeatRefusedCode = Extract<ClientErrorCode, 'SEAT_REVOKED' | 'SEAT_UNKNOWN'>;
const SEAT_ERRORS: ReadonlySet<ClientErrorCode> = new Set<SeatRefusedCode>(['SEAT_REVOKED', 'SEAT_UNKNOWN']);
let seatRefusedHandler: ((error: ApiError & { code: SeatRefusedCode }) => void) | null = null;

/** The seat gate registers here; every call the host refuses for the seat tells it (and still throws). */
export function setSeatRefusedHandler(handler: typeof seatRefusedHandler): void {
  seatRefusedHandler = handler;
}

/** The session layer registers here; every call that meets a session error tells it (and still throws). */
export function setSessionErrorHandler(handler: SessionErrorHandler | null): void {
  sessionErrorHandler = handler;
}

function isResult(v: unknown): v is ApiResult<unknown> {
  if (typeof v !== 'object' || v === null || !('ok' in v)) return false;
  const r = v as { ok: unknown; error?: unknown };
  if (r.ok === true) return true;
  return r.ok === false && typeof r.error === 'object' && r.error !== null && typeof (r.error as { code?: unknown }).code === 'string';
}

async function viaBridge(method: string, input: unknown): Promise<{ result: ApiResult<unknown>; status?: number }> {
  const bridge = window.dscrm;
  if (!bridge) throw new Error('no bridge');
  return { result: await bridge.invoke(method, input, getLocale()) };
}

async function viaHttp(method: string, input: unknown): Promise<{ result: ApiResult<unknown>; status?: number }> {
  let res: Response;
  try {
    res = await fetch('/api/' + method, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'accept-language': getLocale() },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    throw new ApiError('NETWORK', t('error.network'));
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ApiError('NETWORK', t('error.network'), { status: res.status }, res.status);
  }
  if (!isResult(body)) throw new ApiError('NETWORK', t('error.network'), { status: res.status }, res.status);
  return { result: body, status: res.status };
}

export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  let outcome: { result: ApiResult<unknown>; status?: number };
  try {
    outcome = window.dscrm ? await viaBridge(method, input) : await viaHttp(method, input);
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError('NETWORK', t('error.network'));
  }
  const { result, status } = outcome;
  if (result.ok) return result.value as Output<M>;
  const err = new ApiError(result.error.code, result.error.message, result.error.details ?? {}, status);
  if (SESSION_ERRORS.has(err.code)) sessionErrorHandler?.(err as ApiError & { code: SessionErrorCode }, method);
  if (SEAT_ERRORS.has(err.code) && !window.dscrm) seatRefusedHandler?.(err as ApiError & { code: SeatRefusedCode });
  throw err;
}

/**
 * Sends a file for an import and returns its upload id, which the import method then takes. The
 * web host streams it (POST /upload); the desktop hands it to the main process. Either way the size
 * limit is the upload store's, and a file over it is refused with the sizes in the message.
 */
export async function upload(file: File): Promise<string> {
  let result: ApiResult<{ uploadId: string }>;
  let status: number | undefined;
  try {
    if (window.dscrm) result = await window.dscrm.upload(file.name, await file.arrayBuffer(), getLocale());
    else {
      const res = await fetch(`/upload?name=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/octet-stream', 'accept-language': getLocale() },
        body: file,
      });
      status = res.status;
      const body: unknown = await res.json();
      if (!isResult(body)) throw new ApiError('NETWORK', t('error.network'), { status }, status);
      result = body as ApiResult<{ uploadId: string }>;
    }
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError('NETWORK', t('error.network'));
  }
  if (result.ok) return result.value.uploadId;
  const err = new ApiError(result.error.code, result.error.message, result.error.details ?? {}, status);
  if (SESSION_ERRORS.has(err.code)) sessionErrorHandler?.(err as ApiError & { code: SessionErrorCode }, 'upload' as MethodName);
  throw err;
}
