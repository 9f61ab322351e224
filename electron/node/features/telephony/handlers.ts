import type { telephonyApi } from '../../../common/api/telephony';
import { AppError } from '../../errors';
import { me, type Handlers } from '../../handlers';
import { ctiLookup } from './cti-lookup';
import { telephonyOf } from './services';

export const telephonyHandlers: Handlers<typeof telephonyApi> = {
  'telephony.settings.get': (ctx) => telephonyOf(ctx.core).settings.view(me(ctx).user.id),
  'telephony.settings.save': (ctx, input) => telephonyOf(ctx.core).settings.save(me(ctx), input),
  'telephony.credentials': (ctx) => telephonyOf(ctx.core).settings.credentials(me(ctx)),
  'telephony.lookup': (ctx, { number }) => ctiLookup(ctx.core, me(ctx), number),
  'telephony.call.start': (ctx, input) => telephonyOf(ctx.core).calls.start(me(ctx), ctx.locale, input, ctx.seat?.id ?? null),
  'telephony.call.answer': (ctx, { callId }) => telephonyOf(ctx.core).calls.answer(me(ctx), ctx.locale, callId),
  'telephony.call.end': (ctx, { callId, reason }) => telephonyOf(ctx.core).calls.end(me(ctx), ctx.locale, callId, reason),
  'telephony.call.outcome': (ctx, input) => telephonyOf(ctx.core).calls.outcome(me(ctx), ctx.locale, input),
  'telephony.call.get': (ctx, { callId }) => {
    const t = telephonyOf(ctx.core);
    const s = me(ctx);
    const row = t.calls.get(callId);
    if (!row || !t.calls.mayRead(s, row)) throw new AppError('NOT_FOUND');
    return row;
  },
  'telephony.calls.closeInterrupted': (ctx) => telephonyOf(ctx.core).calls.closeInterrupted(me(ctx)),
  'telephony.calls.missed': (ctx) => telephonyOf(ctx.core).calls.missed(me(ctx)),
  'telephony.calls.ofCustomer': (ctx, { customerId }) => telephonyOf(ctx.core).calls.ofCustomer(me(ctx), customerId),
  'telephony.recording.chunk': (ctx, input) => telephonyOf(ctx.core).recordings.chunk(me(ctx), ctx.locale, input),
  'telephony.recording.finish': (ctx, { callId, durationMs }) => telephonyOf(ctx.core).recordings.finish(me(ctx), ctx.locale, callId, durationMs),
  'telephony.recording.export': (ctx, input) => telephonyOf(ctx.core).recordings.export(me(ctx), ctx.locale, input),
};
