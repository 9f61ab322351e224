import type { appointmentsApi } from '../../../common/api/appointments';
import type { Core } from '../../core';
import { me, type Handlers } from '../../handlers';
import { AppointmentService } from './appointments';

// Built once per core; core.ts stays unaware of it.
const services = new WeakMap<Core, AppointmentService>();
export function appointmentsOf(core: Core): AppointmentService {
  let s = services.get(core);
  if (!s) services.set(core, (s = new AppointmentService(core)));
  return s;
}

export const appointmentsHandlers: Handlers<typeof appointmentsApi> = {
  'appointments.day': (ctx, { date }) => {
    me(ctx);
    return appointmentsOf(ctx.core).day(date);
  },
  'appointments.book': (ctx, input) => appointmentsOf(ctx.core).book(me(ctx), input),
  'appointments.setStatus': (ctx, { id, status }) => appointmentsOf(ctx.core).setStatus(me(ctx), id, status),
  'appointments.noShows': (ctx, { from, to }) => {
    me(ctx);
    return appointmentsOf(ctx.core).noShows(from, to);
  },
  'appointments.remindTomorrow': (ctx) => appointmentsOf(ctx.core).remindTomorrow(me(ctx).user.id),
  'appointments.advisors': (ctx) => {
    me(ctx);
    return appointmentsOf(ctx.core).advisors();
  },
  'appointments.proactiveCandidates': (ctx, { from, to }) => {
    me(ctx);
    return appointmentsOf(ctx.core).proactiveCandidates(from, to);
  },
};
