import type { CtiLookupResult, SoftphoneSettingsView } from '../../../electron/common/api/telephony';
import { call } from '../../api';
import { perfMark } from '../../perf-marks';
import type { ToastApi } from '../../ui';
import type { DialRequest } from './dial';
import type { useTelT } from './i18n';
import { CallRecorder } from './recorder';
import { Softphone, type Line, type RegStatus } from './softphone';
import { CALL_ENDED_EVENT, type CallEnded, type LineInfo } from './softphone-context';

/** What the call flow reads and changes in the provider: its refs (read at event time) and its state setters. */
export interface CallFlowHost {
  infos: Map<string, LineInfo>;
  recorders: Map<string, CallRecorder>;
  /** Each line's events in order: the promise of the last one handled. */
  pending: Map<string, Promise<void>>;
  settings: () => SoftphoneSettingsView | null;
  /** The dial request of the outbound call now starting (its customer and task), taken once. */
  takeDialMeta: () => DialRequest | null;
  locked: () => boolean;
  phone: () => Softphone;
  setStatus: (s: RegStatus) => void;
  setLines: (lines: Line[]) => void;
  /** Re-render: a line's info (lookup, recording) changed. */
  bump: () => void;
  popFor: (lookup: CtiLookupResult | null, number: string, allowNew: boolean) => void;
  setOutcomeFor: (o: { callId: number; taskId: number | null; customerId: number | null }) => void;
  toast: ToastApi;
  tt: ReturnType<typeof useTelT>;
}

/**
 * The softphone and what every call does on the server and on screen, from INVITE to hang-up: the
 * call-log row and (inbound) the caller lookup in one round trip, the screen pop at ring or answer,
 * auto-answer, the answer and end in the log, the recorder, the cancelable CALL_ENDED_EVENT (else the
 * 通话结果 form) and the why of an outbound call that failed. Apart from the provider because this is
 * the screen pop's hot path (the pop.* marks time it for the bench) and the part that changes with the
 * server's call API; the provider only wires it to React state.
 */
export function createSoftphone(h: CallFlowHost): Softphone {
  const { infos, recorders, pending, toast, tt } = h;
  const onLine = (l: Line) => {
    const ringing = l.direction === 'inbound' && l.state === 'ringing' && !infos.has(l.id);
    if (ringing) perfMark('pop.invite', l.t0);
    h.setLines([...h.phone().lines.filter((x) => x.state !== 'ended')]);
    if (ringing) perfMark('pop.lineState');
    const run = async () => {
      const s = h.settings();
      let info = infos.get(l.id);
      if (!info) {
        info = { callId: null, lookup: null, customerId: null, taskId: null, answeredAt: null, recording: false };
        infos.set(l.id, info);
        const meta = l.direction === 'outbound' ? h.takeDialMeta() : null;
        if (l.direction === 'inbound') {
          window.__dscrmTel = { lastInviteAt: l.t0 };
          perfMark('pop.lookupSent');
        }
        // One round trip: the call-log row, and for an inbound call who is calling (the pop).
        const started = await call('telephony.call.start', {
          direction: l.direction,
          remoteNumber: l.remote,
          sipCallId: l.session.id,
          ...(meta?.customerId ? { customerId: meta.customerId } : {}),
          ...(meta?.taskId ? { taskId: meta.taskId } : {}),
        }).catch((e: unknown) => {
          toast.error(e instanceof Error ? e.message : String(e));
          return null;
        });
        info.callId = started?.callId ?? null;
        info.customerId = started?.customerId ?? null;
        info.taskId = meta?.taskId ?? null;
        if (l.direction === 'inbound') {
          // The call log refused the call (said in the toast): the agent still sees who is calling.
          info.lookup = started ? started.lookup : await call('telephony.lookup', { number: l.remote }).catch(() => null);
          perfMark('pop.lookupDone');
          h.bump();
          if (s?.popOn === 'ring') h.popFor(info.lookup, l.remote, false);
        }
        if (l.direction === 'inbound' && s?.autoAnswer && l.state === 'ringing') void h.phone().answer(l);
      }
      if (l.state === 'connected' && info.answeredAt === null) {
        info.answeredAt = Date.now();
        if (info.callId) await call('telephony.call.answer', { callId: info.callId }).catch(() => undefined);
        if (l.direction === 'inbound' && s?.popOn !== 'ring') h.popFor(info.lookup, l.remote, true);
        else if (l.direction === 'inbound' && info.lookup?.matches.length === 0) h.popFor(info.lookup, l.remote, true);
      }
      if (l.state === 'ended') {
        const rec = recorders.get(l.id);
        recorders.delete(l.id);
        if (rec) await rec.stop();
        if (info.callId) {
          const reason = l.endReason === 'unavailable' ? 'failed' : (l.endReason ?? 'hangup');
          await call('telephony.call.end', { callId: info.callId, reason }).catch(() => undefined);
          const detail: CallEnded = { callId: info.callId, taskId: info.taskId, customerId: info.customerId, number: l.remote, direction: l.direction, answered: info.answeredAt !== null };
          const claimed = !window.dispatchEvent(new CustomEvent<CallEnded>(CALL_ENDED_EVENT, { detail, cancelable: true }));
          if (info.answeredAt !== null && !claimed) h.setOutcomeFor({ callId: info.callId, taskId: info.taskId, customerId: info.customerId });
        }
        if (l.direction === 'outbound' && info.answeredAt === null && l.endReason && l.endReason !== 'cancelled') {
          const key = l.endReason === 'busy' ? 'call.busy' : l.endReason === 'unavailable' ? 'call.unavailable' : l.endReason === 'noAnswer' ? 'call.noAnswer' : null;
          if (key) toast.show(tt(key));
        }
        infos.delete(l.id);
        if (h.locked() && h.phone().lines.length === 0) void h.phone().stop();
      }
    };
    // One line's events are handled in order (start before answer before end).
    const prev = pending.get(l.id) ?? Promise.resolve();
    const next = prev.then(run).catch(() => undefined);
    pending.set(l.id, next);
    if (l.state === 'ended') void next.then(() => pending.delete(l.id));
  };
  const onMedia = (l: Line, local: MediaStream, remote: MediaStream) => {
    // Chromium plays (and mixes) a remote WebRTC stream only once a media element holds it.
    const audio = new Audio();
    audio.srcObject = remote;
    void audio.play().catch(() => undefined);
    const policy = h.settings()?.recordingPolicy ?? 'all';
    if (policy === 'none' || (policy !== 'all' && policy !== l.direction)) return;
    const prev = pending.get(l.id) ?? Promise.resolve();
    pending.set(
      l.id,
      prev.then(() => {
        const info = infos.get(l.id);
        if (!info?.callId || l.state === 'ended') return;
        info.recording = true;
        recorders.set(l.id, new CallRecorder(info.callId, local, remote, (m) => toast.error(tt('call.recordingFailed', { reason: m }))));
        h.bump();
      }),
    );
  };
  return new Softphone({ status: h.setStatus, line: onLine, media: onMedia });
}
