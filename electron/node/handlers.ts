import type { Api, MethodName } from '../common/api';
import type { Contract, OutputOf, ParsedInputOf } from '../common/api/contract';
import type { Locale } from '../common/i18n/errors';
import type { Core } from './core';
import type { SessionCtx } from './features/auth/service';
import { AppError } from './errors';
import { authHandlers } from './features/auth/handlers';
import { adminHandlers } from './features/admin/handlers';
import { seatsHandlers } from './features/seats/handlers';
import { customersHandlers } from './features/customers/handlers';
import { customersEditHandlers } from './features/customers/edit-handlers';
import { customerSearchHandlers } from './features/customers/search-handlers';
import { gridHandlers } from './features/grid/handlers';
import { salesHandlers } from './features/sales/sales-handlers';
import { showroomHandlers } from './features/sales/showroom-handlers';
import { salesAnalysisHandlers } from './features/sales/analysis-handlers';
import { activitiesHandlers } from './features/sales/activities-handlers';
import { remindersHandlers } from './features/service/reminders-handlers';
import { complaintsHandlers } from './features/service/complaints-handlers';
import { workbenchHandlers } from './features/service/workbench-handlers';
import { taskPoolHandlers } from './features/service/task-pool-handlers';
import { appointmentsHandlers } from './features/service/appointments-handlers';
import { solicitationHandlers } from './features/service/solicitation-handlers';
import { revisitsHandlers } from './features/service/revisits-handlers';
import { smsHandlers } from './features/sms/sms-handlers';
import { serviceVisitsHandlers, surveysHandlers } from './features/service/service-visits-handlers';
import { telephonyHandlers } from './features/telephony/handlers';
import { schedulerHandlers } from './features/scheduler/handlers';
import { systemHandlers } from './features/system/handlers';
import { seatHandlers } from './features/seat-mode/handlers';

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

/** Every method of the contract has exactly one handler: the type checker enforces it. */
export const handlers: Handlers<Api> = {
  ...authHandlers,
  ...adminHandlers,
  ...seatsHandlers,
  ...customersHandlers,
  ...customersEditHandlers,
  ...customerSearchHandlers,
  ...gridHandlers,
  ...salesHandlers,
  ...showroomHandlers,
  ...salesAnalysisHandlers,
  ...activitiesHandlers,
  ...remindersHandlers,
  ...complaintsHandlers,
  ...workbenchHandlers,
  ...taskPoolHandlers,
  ...appointmentsHandlers,
  ...solicitationHandlers,
  ...revisitsHandlers,
  ...smsHandlers,
  ...serviceVisitsHandlers,
  ...surveysHandlers,
  ...telephonyHandlers,
  ...schedulerHandlers,
  ...systemHandlers,
  ...seatHandlers,
};

export type { MethodName };
