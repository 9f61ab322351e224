import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CtiLookupResult, SoftphoneSettingsView } from '../../../electron/common/api/telephony';
import { call } from '../../api';
import { useToast } from '../../ui';
import { useNavigation } from '../../shell/navigation';
import { CustomerForm } from '../customers/CustomerForm';
import { CallPanel, OutcomeDialog, RingingPanel } from './CallPanels';
import { DIAL_EVENT, dialable, withPrefix, type DialRequest } from './dial';
import { useTelT } from './i18n';
import { CallRecorder } from './recorder';
import { Softphone, type Line, type RegStatus } from './softphone';
import { perfMark } from '../../perf-marks';
import './telephony.css';

/** What the server knows about a line: its call-log row, the caller lookup, the recorder. */
export interface LineInfo {
  callId: number | null;
  lookup: CtiLookupResult | null;
  customerId: number | null;
  taskId: number | null;
  answeredAt: number | null;
  recording: boolean;
}

interface SoftphoneApi {
  status: RegStatus;
  settings: SoftphoneSettingsView | null;
  lines: Line[];
  info: (l: Line) => LineInfo | undefined;
  dial: (req: DialRequest) => string | null;
  reload: () => void;
}

/**
 * Sent (cancelable) on the window when a logged call ends, so the screen that started it can open
 * its own form — the workbench opens the task's outcome form for a call started from a task. A
 * listener that does so calls preventDefault(); the generic 通话结果 form then stays closed.
 */
export const CALL_ENDED_EVENT = 'dscrm:call-ended';
export interface CallEnded {
  callId: number;
  taskId: number | null;
  customerId: number | null;
  /** The other party's number as dialled or received. */
  number: string;
  direction: 'inbound' | 'outbound';
  answered: boolean;
}

const Ctx = createContext<SoftphoneApi | null>(null);
export function useSoftphone(): SoftphoneApi | null {
  return useContext(Ctx);
}

declare global {
  interface Window {
    /** For the bench's screen-pop figure (scripts/bench/screen-pop.bench.ts): when the last INVITE arrived (performance.now()). */
    __dscrmTel?: { lastInviteAt: number };
  }
}

/**
 * The seat's softphone for the whole window: registers at login and after unlock (stops while
 * locked), keeps the call log on the main side in step with every call, pops the customer card,
 * records calls, and shows the ringing / in-call panels and the outcome form.
 */
export function SoftphoneProvider({ locked, children }: { locked: boolean; children: ReactNode }) {
  const tt = useTelT();
  const toast = useToast();
  const { openCustomer } = useNavigation();
  const [status, setStatus] = useState<RegStatus>({ kind: 'off' });
  const [lines, setLines] = useState<Line[]>([]);
  const [settings, setSettings] = useState<SoftphoneSettingsView | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [outcomeFor, setOutcomeFor] = useState<{ callId: number; taskId: number | null; customerId: number | null } | null>(null);
  const [newCustomerPhone, setNewCustomerPhone] = useState<string | null>(null);
  const infos = useRef(new Map<string, LineInfo>());
  const recorders = useRef(new Map<string, CallRecorder>());
  const pending = useRef(new Map<string, Promise<void>>());
  const settingsRef = useRef<SoftphoneSettingsView | null>(null);
  const dialMeta = useRef<DialRequest | null>(null);
  const [, bump] = useState(0);
  const phoneRef = useRef<Softphone | null>(null);

  const popFor = useCallback(
    (lookup: CtiLookupResult | null, number: string, allowNew: boolean) => {
      const only = lookup?.matches.length === 1 ? lookup.matches[0]! : null;
      if (only) {
        perfMark('pop.openCard');
        openCustomer(only.customerId, only.name);
      } else if (allowNew && lookup && lookup.matches.length === 0 && lookup.normalized) setNewCustomerPhone(number);
    },
    [openCustomer],
  );

  const phone = useMemo(() => {
    const onLine = (l: Line) => {
      const ringing = l.direction === 'inbound' && l.state === 'ringing' && !infos.current.has(l.id);
      if (ringing) perfMark('pop.invite', l.t0);
      setLines([...phoneRef.current!.lines.filter((x) => x.state !== 'ended')]);
      if (ringing) perfMark('pop.lineState');
      const run = async () => {
        const s = settingsRef.current;
        let info = infos.current.get(l.id);
        if (!info) {
          info = { callId: null, lookup: null, customerId: null, taskId: null, answeredAt: null, recording: false };
          infos.current.set(l.id, info);
          const meta = l.direction === 'outbound' ? dialMeta.current : null;
          dialMeta.current = null;
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
            bump((n) => n + 1);
            if (s?.popOn === 'ring') popFor(info.lookup, l.remote, false);
          }
          if (l.direction === 'inbound' && s?.autoAnswer && l.state === 'ringing') void phoneRef.current!.answer(l);
        }
        if (l.state === 'connected' && info.answeredAt === null) {
          info.answeredAt = Date.now();
          if (info.callId) await call('telephony.call.answer', { callId: info.callId }).catch(() => undefined);
          if (l.direction === 'inbound' && s?.popOn !== 'ring') popFor(info.lookup, l.remote, true);
          else if (l.direction === 'inbound' && info.lookup?.matches.length === 0) popFor(info.lookup, l.remote, true);
        }
        if (l.state === 'ended') {
          const rec = recorders.current.get(l.id);
          recorders.current.delete(l.id);
          if (rec) await rec.stop();
          if (info.callId) {
            const reason = l.endReason === 'unavailable' ? 'failed' : (l.endReason ?? 'hangup');
            await call('telephony.call.end', { callId: info.callId, reason }).catch(() => undefined);
            const detail: CallEnded = { callId: info.callId, taskId: info.taskId, customerId: info.customerId, number: l.remote, direction: l.direction, answered: info.answeredAt !== null };
            const claimed = !window.dispatchEvent(new CustomEvent<CallEnded>(CALL_ENDED_EVENT, { detail, cancelable: true }));
            if (info.answeredAt !== null && !claimed) setOutcomeFor({ callId: info.callId, taskId: info.taskId, customerId: info.customerId });
          }
          if (l.direction === 'outbound' && info.answeredAt === null && l.endReason && l.endReason !== 'cancelled') {
            const key = l.endReason === 'busy' ? 'call.busy' : l.endReason === 'unavailable' ? 'call.unavailable' : l.endReason === 'noAnswer' ? 'call.noAnswer' : null;
            if (key) toast.show(tt(key));
          }
          infos.current.delete(l.id);
          if (lockedRef.current && phoneRef.current!.lines.length === 0) void phoneRef.current!.stop();
        }
      };
      // One line's events are handled in order (start before answer before end).
      const prev = pending.current.get(l.id) ?? Promise.resolve();
      const next = prev.then(run).catch(() => undefined);
      pending.current.set(l.id, next);
      if (l.state === 'ended') void next.then(() => pending.current.delete(l.id));
    };
    const onMedia = (l: Line, local: MediaStream, remote: MediaStream) => {
      // Chromium plays (and mixes) a remote WebRTC stream only once a media element holds it.
      const audio = new Audio();
      audio.srcObject = remote;
      void audio.play().catch(() => undefined);
      const policy = settingsRef.current?.recordingPolicy ?? 'all';
      if (policy === 'none' || (policy !== 'all' && policy !== l.direction)) return;
      const prev = pending.current.get(l.id) ?? Promise.resolve();
      pending.current.set(
        l.id,
        prev.then(() => {
          const info = infos.current.get(l.id);
          if (!info?.callId || l.state === 'ended') return;
          info.recording = true;
          recorders.current.set(l.id, new CallRecorder(info.callId, local, remote, (m) => toast.error(tt('call.recordingFailed', { reason: m }))));
          bump((n) => n + 1);
        }),
      );
    };
    return new Softphone({ status: setStatus, line: onLine, media: onMedia });
    // The softphone lives as long as the window; its callbacks read the latest state through refs.
  }, []);
  phoneRef.current = phone;

  // Register at login and after unlock; unregister while locked and on logout. A call that is on
  // when the screen locks (idle lock mid-call) goes on; the softphone stops when it ends.
  const lockedRef = useRef(locked);
  const ttRef = useRef(tt);
  ttRef.current = tt;
  useEffect(() => {
    lockedRef.current = locked;
    if (locked) {
      if (phone.lines.length === 0) void phone.stop();
      return;
    }
    if (phone.lines.length > 0) return; // kept through the lock: still registered
    let live = true;
    (async () => {
      const view = await call('telephony.settings.get', {}).catch(() => null);
      if (!live) return;
      settingsRef.current = view;
      setSettings(view);
      if (!view?.configured) return void phone.stop();
      const creds = await call('telephony.credentials', {}).catch(() => null);
      if (!live) return;
      if (!creds) return void setStatus({ kind: 'failed', reason: 'rejected', text: ttRef.current('reason.noPassword') });
      // Calls left open by a crash or a closed window: the log says they were interrupted.
      if (phone.lines.length === 0) await call('telephony.calls.closeInterrupted', {}).catch(() => undefined);
      await phone.start(creds);
    })();
    return () => {
      live = false;
    };
    // Not on a language switch: `tt` is read through a ref.
  }, [locked, reloadKey, phone]);
  useEffect(() => () => void phone.stop(), [phone]);

  const dial = useCallback(
    (req: DialRequest): string | null => {
      const number = dialable(req.number);
      if (!number) return tt('dial.bad');
      if (phone.status.kind !== 'registered') return tt('dial.notReady');
      // One call plus one on hold: a new call holds the current one.
      const active = phone.lines.find((l) => l.state === 'connected' && !l.held);
      if (active) void phone.setHold(active, true);
      dialMeta.current = req;
      phone.call(number, { dial: withPrefix(number, settingsRef.current?.outsidePrefix ?? '') });
      return null;
    },
    [phone, tt],
  );

  useEffect(() => {
    const onDial = (e: Event) => {
      const err = dial((e as CustomEvent<DialRequest>).detail);
      if (err) toast.error(err);
    };
    window.addEventListener(DIAL_EVENT, onDial);
    return () => window.removeEventListener(DIAL_EVENT, onDial);
  }, [dial, toast]);

  // Hotkeys: Alt+A answers the ringing call, Alt+H hangs up the current one.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const k = e.key.toLowerCase();
      if (k === 'a') {
        const ringing = phone.lines.find((l) => l.state === 'ringing');
        if (ringing) {
          e.preventDefault();
          const active = phone.lines.find((l) => l.state === 'connected' && !l.held);
          if (active) void phone.setHold(active, true);
          void phone.answer(ringing);
        }
      } else if (k === 'h') {
        const current = phone.lines.find((l) => l.state === 'connected' && !l.held) ?? phone.lines.find((l) => l.state === 'calling');
        if (current) {
          e.preventDefault();
          void phone.hangup(current);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [phone]);

  const api = useMemo<SoftphoneApi>(
    () => ({ status, settings, lines, info: (l) => infos.current.get(l.id), dial, reload: () => setReloadKey((k) => k + 1) }),
    [status, settings, lines, dial],
  );

  return (
    <Ctx.Provider value={api}>
      {children}
      <div className="tel-dock" aria-live="polite">
        {lines
          .filter((l) => l.state === 'ringing')
          .map((l) => (
            <RingingPanel
              key={l.id}
              line={l}
              lookup={infos.current.get(l.id)?.lookup ?? null}
              onAnswer={() => {
                const active = phone.lines.find((x) => x.state === 'connected' && !x.held);
                if (active) void phone.setHold(active, true);
                void phone.answer(l);
              }}
              onDecline={() => void phone.decline(l)}
              onOpen={(id, name) => openCustomer(id, name)}
            />
          ))}
        {lines
          .filter((l) => l.state !== 'ringing')
          .map((l) => (
            <CallPanel key={l.id} line={l} info={infos.current.get(l.id)} phone={phone} onOpen={(id, name) => openCustomer(id, name)} />
          ))}
      </div>
      {outcomeFor && <OutcomeDialog callId={outcomeFor.callId} onClose={() => setOutcomeFor(null)} />}
      {newCustomerPhone !== null && (
        <CustomerForm
          initialPhone={newCustomerPhone}
          onClose={() => setNewCustomerPhone(null)}
          onSaved={(id, name) => {
            setNewCustomerPhone(null);
            openCustomer(id, name);
          }}
        />
      )}
    </Ctx.Provider>
  );
}
