import type { MethodName } from '../common/api';
import type { Contract, OutputOf, ParsedInputOf } from '../common/api/contract';
import type { Locale } from '../common/i18n/errors';
import type { Core } from './core';
import type { SessionCtx } from './features/auth/service';
import { AppError } from './errors';

/** A paired LAN seat as a call carries it (the seats service's verify answer). */
export interface SeatRef {
  id: number;
  name: string;
}

export interface HandlerCtx {
  core: Core;
  /** Null only for public methods. */
  session: SessionCtx | null;
  locale: Locale;
  client: string | undefined;
  /** Where the call comes from: the web host's peer address, 'local' for Electron IPC. */
  address: string;
  /** The paired seat a LAN call came through, for audit rows; undefined on loopback and Electron IPC. */
  seat?: SeatRef;
  /** Hands a new session token to the transport (cookie / main process); never to the renderer. */
  setSessionToken(token: string): void;
  clearSession(): void;
}

export type Handler<M> = (ctx: HandlerCtx, input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>>;
export type Handlers<C extends Contract> = { [K in keyof C]: Handler<C[K]> };

/** The session of a method that needs one (dispatch guarantees it; this narrows the type). */
export function me(ctx: HandlerCtx): SessionCtx {
  if (!ctx.session) throw new AppError('UNAUTHENTICATED');
  return ctx.session;
}

export type { MethodName };
