import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CtiLookupResult, SoftphoneSettingsView } from '../../../electron/common/api/telephony';
import { useToast } from '../../ui';
import { useNavigation } from '../../shell/navigation';
import { OutcomeDialog } from './CallPanels';
import { CallDock } from './CallDock';
import { createSoftphone } from './call-flow';
import { DIAL_EVENT, dialable, withPrefix, type DialRequest } from './dial';
import { useTelT } from './i18n';
import type { CallRecorder } from './recorder';
import type { Line, RegStatus, Softphone } from './softphone';
import { SoftphoneContext, type LineInfo, type SoftphoneApi } from './softphone-context';
import { useCallKeys } from './use-call-keys';
import { useRegistration } from './use-registration';
import { screenPop } from './screen-pop';
import './telephony.css';

// The softphone's public surface stays importable from here, where screens have always found it.
export { CALL_ENDED_EVENT, useSoftphone, type CallEnded, type LineInfo } from './softphone-context';

/**
 * The seat's softphone for the whole window: registers at login and after unlock (stops while
 * locked), keeps the call log on the main side in step with every call, pops the customer card,
 * records calls, and shows the ringing / in-call panels and the outcome form. An unknown caller's
 * 新建客户 form is the shell's (screen-pop.ts asks for it through the navigation). What a call does is in
 * call-flow.ts, registration in use-registration.ts, the hotkeys in use-call-keys.ts; this file holds
 * the state they share and the dial requests.
 */
export function SoftphoneProvider({ locked, children }: { locked: boolean; children: ReactNode }) {
  const tt = useTelT();
  const toast = useToast();
  const navigation = useNavigation();
  const [status, setStatus] = useState<RegStatus>({ kind: 'off' });
  const [lines, setLines] = useState<Line[]>([]);
  const [settings, setSettings] = useState<SoftphoneSettingsView | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [outcomeFor, setOutcomeFor] = useState<{ callId: number; taskId: number | null; customerId: number | null } | null>(null);
  const infos = useRef(new Map<string, LineInfo>());
  const recorders = useRef(new Map<string, CallRecorder>());
  const pending = useRef(new Map<string, Promise<void>>());
  const settingsRef = useRef<SoftphoneSettingsView | null>(null);
  const dialMeta = useRef<DialRequest | null>(null);
  const lockedRef = useRef(locked);
  const [, bump] = useState(0);
  const phoneRef = useRef<Softphone | null>(null);

  const popFor = useCallback((lookup: CtiLookupResult | null, number: string, allowNew: boolean) => screenPop(navigation, lookup, number, allowNew), [navigation]);

  const phone = useMemo(
    () =>
      createSoftphone({
        infos: infos.current,
        recorders: recorders.current,
        pending: pending.current,
        settings: () => settingsRef.current,
        takeDialMeta: () => {
          const meta = dialMeta.current;
          dialMeta.current = null;
          return meta;
        },
        locked: () => lockedRef.current,
        phone: () => phoneRef.current!,
        setStatus,
        setLines,
        bump: () => bump((n) => n + 1),
        popFor,
        setOutcomeFor,
        toast,
        tt,
      }),
    // The softphone lives as long as the window; its callbacks read the latest state through refs.
    [],
  );
  phoneRef.current = phone;

  useRegistration({ phone, locked, reloadKey, lockedRef, settingsRef, setSettings, setStatus });

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

  useCallKeys(phone);

  const api = useMemo<SoftphoneApi>(
    () => ({ status, settings, lines, info: (l) => infos.current.get(l.id), dial, reload: () => setReloadKey((k) => k + 1) }),
    [status, settings, lines, dial],
  );

  return (
    <SoftphoneContext.Provider value={api}>
      {children}
      <CallDock lines={lines} phone={phone} info={(l) => infos.current.get(l.id)} onOpen={(id, name) => navigation.openCustomer(id, name)} />
      {outcomeFor && <OutcomeDialog callId={outcomeFor.callId} onClose={() => setOutcomeFor(null)} />}
    </SoftphoneContext.Provider>
  );
}
