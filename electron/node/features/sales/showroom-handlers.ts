import type { showroomApi } from '../../../common/api/showroom';
import { me, type Handlers } from '../../handlers';
import type { ShowroomService } from './showroom';
import type { TestDriveService } from './test-drive';
import type { TrafficService } from './traffic';
import type { WalkInService } from './walk-ins';
import { zoneFormat } from '../../../common/dates';

const HOUR_MINUTE: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

export interface ShowroomServices {
  visits: ShowroomService;
  walkIns: WalkInService;
  traffic: TrafficService;
  testDrive: TestDriveService;
}

export const showroomHandlers: Handlers<typeof showroomApi> = {
  'showroom.today': (ctx) => {
    me(ctx);
    const base = ctx.core.services.showroom.visits;
    const timeZone = base.timeZone;
    const now = ctx.core.clock.now();
    const time = zoneFormat('en-GB', timeZone, HOUR_MINUTE).format(now);
    return { date: base.today(), time, timeZone };
  },
  'showroom.walkIns.add': (ctx, input) => ctx.core.services.showroom.walkIns.add(me(ctx), input),
  'showroom.walkIns.list': (ctx, input) => ctx.core.services.showroom.walkIns.list(me(ctx), input),
  'showroom.visits.register': (ctx, input) => ctx.core.services.showroom.visits.register(me(ctx), input),
  'showroom.visits.get': (ctx, { id }) => ctx.core.services.showroom.visits.get(me(ctx), id),
  'showroom.visits.update': (ctx, { id, patch, expectedVersion }) => ctx.core.services.showroom.visits.update(me(ctx), id, patch, expectedVersion),
  'showroom.traffic.daily': (ctx, input) => ctx.core.services.showroom.traffic.daily(me(ctx), input),
  'showroom.testDrive.vehicles': (ctx, { includeInactive }) => {
    me(ctx);
    return ctx.core.services.showroom.testDrive.vehicles(includeInactive);
  },
  'showroom.testDrive.createVehicle': (ctx, input) => ctx.core.services.showroom.testDrive.createVehicle(me(ctx), input),
  'showroom.testDrive.deactivateVehicle': (ctx, { id }) => ctx.core.services.showroom.testDrive.deactivateVehicle(me(ctx), id),
  'showroom.testDrive.book': (ctx, input) => ctx.core.services.showroom.testDrive.book(me(ctx), input),
  'showroom.testDrive.cancel': (ctx, { id }) => ctx.core.services.showroom.testDrive.cancel(me(ctx), id),
  'showroom.testDrive.complete': (ctx, { id }) => ctx.core.services.showroom.testDrive.complete(me(ctx), id),
  'showroom.testDrive.schedule': (ctx, { date }) => ctx.core.services.showroom.testDrive.schedule(me(ctx), date),
};
