import type { ErrorCode } from '../common/api/contract';

/** An error a user can read: a code plus details that fill the localized message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError('NOT_FOUND');
export const conflict = (reason: string) => new AppError('CONFLICT', { reason });
