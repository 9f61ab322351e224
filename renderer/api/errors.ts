import type { ErrorCode } from '../../electron/common/api/contract';

/** Codes the server sends, plus NETWORK for a server that could not be reached or answered nonsense. */
export type ClientErrorCode = ErrorCode | 'NETWORK';

/** A refused or failed API call. `message` is the server's text in the user's language. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    /** HTTP status on the web host; undefined over Electron IPC. */
    readonly status?: number,
  ) {
    super(message);
  }
}

export function isApiError(e: unknown, code?: ClientErrorCode): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}
