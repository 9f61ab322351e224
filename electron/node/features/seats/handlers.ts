import type { seatsApi } from '../../../common/api/seats';
import { readHostFingerprint } from '../../lan/host-certificate';
import { lanStatusOf } from '../../lan/lan-status';
import { me, type Handlers } from '../../handlers';

export const seatsHandlers: Handlers<typeof seatsApi> = {
  'admin.seats.list': (ctx) => ctx.core.seats.list(),
  'admin.seats.rename': (ctx, { id, name }) => ctx.core.seats.rename(id, name, me(ctx).user.id),
  'admin.seats.revoke': (ctx, { id }) => ctx.core.seats.revoke(id, me(ctx).user.id),
  // The fingerprint the new seat must see: the admin reads it out with the code (null before the first LAN start).
  'admin.seats.pairingCode.create': (ctx) => {
    const made = ctx.core.seats.createPairingCode(me(ctx).user.id);
    // …and where the seat finds the host: the running LAN listener's addresses.
    const hostUrls = lanStatusOf(ctx.core)?.urls ?? [];
    return { ...made, expiresInMs: Date.parse(made.expiresAt) - ctx.core.clock.now(), fingerprint: readHostFingerprint(ctx.core.dataDir), hostUrls };
  },
};
