import type { appointmentsApi } from '../../../common/api/appointments';
import { me, type Handlers } from '../../handlers';

export const appointmentsHandlers: Handlers<typeof appointmentsApi> = {
  'appointments.day': (ctx, { date }) => {
    me(ctx);
    return ctx.core.services.appointments.day(date);
  },
  'appointments.book': (ctx, input) => ctx.core.services.appointments.book(me(ctx), input),
  'appointments.setStatus': (ctx, { id, status }) => ctx.core.services.appointments.setStatus(me(ctx), id, status),
  'appointments.noShows': (ctx, { from, to }) => {
    me(ctx);
    return ctx.core.services.appointments.noShows(from, to);
  },
  'appointments.remindTomorrow': (ctx) => ctx.core.services.appointments.remindTomorrow(me(ctx).user.id),
  'appointments.advisors': (ctx) => {
    me(ctx);
    return ctx.core.services.appointments.advisors();
  },
  'appointments.proactiveCandidates': (ctx, { from, to }) => {
    me(ctx);
    return ctx.core.services.appointments.proactiveCandidates(from, to);
  },
};
