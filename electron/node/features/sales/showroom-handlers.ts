import type { showroomApi } from '../../../common/api/showroom';
import type { Core } from '../../core';
import { me, type Handlers } from '../../handlers';
import { ShowroomService } from './showroom';
import { TestDriveService } from './test-drive';
import { TrafficService } from './traffic';
import { WalkInService } from './walk-ins';
import { zoneFormat } from '../../zone-formats';

const HOUR_MINUTE: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

interface ShowroomServices {
  visits: ShowroomService;
  walkIns: WalkInService;
  traffic: TrafficService;
  testDrive: TestDriveService;
}

// Built once per core (prepared against its database); core.ts stays unaware of them.
const services = new WeakMap<Core, ShowroomServices>();
export function showroomOf(core: Core): ShowroomServices {
  let s = services.get(core);
  if (!s) {
    s = { visits: new ShowroomService(core), walkIns: new WalkInService(core), traffic: new TrafficService(core), testDrive: new TestDriveService(core) };
    services.set(core, s);
  }
  return s;
}

export const showroomHandlers: Handlers<typeof showroomApi> = {
  'showroom.today': (ctx) => {
    me(ctx);
    const base = showroomOf(ctx.core).visits;
    const timeZone = base.timeZone;
    const now = ctx.core.clock.now();
    const time = zoneFormat('en-GB', timeZone, HOUR_MINUTE).format(now);
    return { date: base.today(), time, timeZone };
  },
  'showroom.walkIns.add': (ctx, input) => showroomOf(ctx.core).walkIns.add(me(ctx), input),
  'showroom.walkIns.list': (ctx, input) => showroomOf(ctx.core).walkIns.list(me(ctx), input),
  'showroom.visits.register': (ctx, input) => showroomOf(ctx.core).visits.register(me(ctx), input),
  'showroom.visits.update': (ctx, { id, patch }) => showroomOf(ctx.core).visits.update(me(ctx), id, patch),
  'showroom.traffic.daily': (ctx, input) => showroomOf(ctx.core).traffic.daily(me(ctx), input),
  'showroom.testDrive.vehicles': (ctx, { includeInactive }) => {
    me(ctx);
    return showroomOf(ctx.core).testDrive.vehicles(includeInactive);
  },
  'showroom.testDrive.createVehicle': (ctx, input) => showroomOf(ctx.core).testDrive.createVehicle(me(ctx), input),
  'showroom.testDrive.deactivateVehicle': (ctx, { id }) => showroomOf(ctx.core).testDrive.deactivateVehicle(me(ctx), id),
  'showroom.testDrive.book': (ctx, input) => showroomOf(ctx.core).testDrive.book(me(ctx), input),
  'showroom.testDrive.cancel': (ctx, { id }) => showroomOf(ctx.core).testDrive.cancel(me(ctx), id),
  'showroom.testDrive.complete': (ctx, { id }) => showroomOf(ctx.core).testDrive.complete(me(ctx), id),
  'showroom.testDrive.schedule': (ctx, { date }) => showroomOf(ctx.core).testDrive.schedule(me(ctx), date),
};
