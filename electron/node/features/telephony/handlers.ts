import type { telephonyApi } from '../../../common/api/telephony';
import { AppError } from '../../errors';
import { me, type Handlers } from '../../handlers';
import { ctiLookup } from './cti-lookup';

export const telephonyHandlers: Handlers<typeof telephonyApi> = {
  'telephony.settings.get': (ctx) => ctx.core.services.telephony.settings.view(me(ctx).user.id),
  'telephony.settings.save': (ctx, input) => ctx.core.services.telephony.settings.save(me(ctx), input),
  'telephony.credentials': (ctx) => ctx.core.services.telephony.settings.credentials(me(ctx)),
  'telephony.lookup': (ctx, { number }) => ctiLookup(ctx.core, me(ctx), number),
  // 坐席状态 follows the agent's calls: 通话中 when they dial or answer, 话后处理 when it ends.
  'telephony.call.start': (ctx, input) => {
    const started = ctx.core.services.telephony.calls.start(me(ctx), ctx.locale, input, ctx.seat?.id ?? null);
    if (input.direction === 'outbound') ctx.core.services.agentStates.callStarted(me(ctx).user.id);
    ctx.core.services.agentStates.floorChanged();
    return started;
  },
  'telephony.call.answer': (ctx, { callId }) => {
    const row = ctx.core.services.telephony.calls.answer(me(ctx), ctx.locale, callId);
    ctx.core.services.agentStates.callStarted(me(ctx).user.id);
    return row;
  },
  'telephony.call.end': (ctx, { callId, reason }) => {
    const row = ctx.core.services.telephony.calls.end(me(ctx), ctx.locale, callId, reason);
    // A 作业模式 call is its task's attempt; its queue may set how long 话后处理 lasts.
    const wrapUpSeconds = ctx.core.services.dialer.callEnded(me(ctx).user.id, row);
    ctx.core.services.agentStates.callEnded(me(ctx).user.id, wrapUpSeconds);
    ctx.core.services.agentStates.floorChanged();
    return row;
  },
  'telephony.call.outcome': (ctx, input) => ctx.core.services.telephony.calls.outcome(me(ctx), ctx.locale, input),
  'telephony.call.get': (ctx, { callId }) => {
    const t = ctx.core.services.telephony;
    const s = me(ctx);
    const row = t.calls.get(callId);
    if (!row || !t.calls.mayRead(s, row)) throw new AppError('NOT_FOUND');
    return row;
  },
  'telephony.calls.closeInterrupted': (ctx) => ctx.core.services.telephony.calls.closeInterrupted(me(ctx)),
  'telephony.calls.missed': (ctx) => ctx.core.services.telephony.calls.missed(me(ctx)),
  'telephony.calls.ofCustomer': (ctx, { customerId }) => ctx.core.services.telephony.calls.ofCustomer(me(ctx), customerId),
  'telephony.recording.chunk': (ctx, input) => ctx.core.services.telephony.recordings.chunk(me(ctx), ctx.locale, input),
  'telephony.recording.finish': (ctx, { callId, durationMs }) => ctx.core.services.telephony.recordings.finish(me(ctx), ctx.locale, callId, durationMs),
  'telephony.recording.export': (ctx, input) => ctx.core.services.telephony.recordings.export(me(ctx), ctx.locale, input),
};
