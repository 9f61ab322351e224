import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { CALL_OUTCOMES, type CtiLookupResult } from '../../../electron/common/api/telephony';
import { formatPhone } from '../../../electron/common/phone';
import { call } from '../../api';
import { useI18n } from '../../i18n/react';
import { Button, Dialog, TextField, useToast } from '../../ui';
import type { LineInfo } from './SoftphoneProvider';
import { useTelT } from './i18n';
import type { Line, Softphone } from './softphone';
import { perfMark } from '../../perf-marks';

function CallerInfo({ number, lookup, onOpen }: { number: string; lookup: CtiLookupResult | null; onOpen: (id: number, name: string) => void }) {
  const tt = useTelT();
  if (!lookup) return <div className="tel-number mono">{number || tt('ring.withheld')}</div>;
  return (
    <div className="tel-caller">
      <div className="tel-number mono" data-testid="tel-number">
        {lookup.unknownReason === 'withheld' ? tt('ring.withheld') : lookup.normalized ? (formatPhone(lookup.normalized) ?? number) : number}
      </div>
      {lookup.matches.length === 0 ? (
        <div className="tel-unknown" data-testid="tel-unknown">
          {lookup.unknownReason === 'invalid' ? (/^\d{2,6}$/.test(number) ? tt('ring.internal') : tt('ring.invalid')) : tt('ring.unknown')}
        </div>
      ) : (
        <>
          {lookup.matches.length > 1 && <div className="muted small">{tt('ring.several', { n: lookup.matches.length })}</div>}
          <ul className="tel-matches" data-testid="tel-matches">
            {lookup.matches.map((m) => (
              <li key={m.customerId}>
                <button type="button" className="link" onClick={() => onOpen(m.customerId, m.name)} title={tt('call.openCard')}>
                  {m.name}
                </button>
                {m.plates.length > 0 && <span className="muted small"> {m.plates.join(' ')}</span>}
                {m.ownerName && <span className="muted small"> · {m.ownerName}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {lookup.hiddenCount > 0 && <div className="muted small">{tt('ring.hidden', { n: lookup.hiddenCount })}</div>}
    </div>
  );
}

export function RingingPanel(p: { line: Line; lookup: CtiLookupResult | null; onAnswer: () => void; onDecline: () => void; onOpen: (id: number, name: string) => void }) {
  const tt = useTelT();
  const known = p.lookup !== null;
  // In the DOM (layout effects run after the commit, before the paint): the screen-pop stages.
  useLayoutEffect(() => perfMark(known ? 'pop.callerShown' : 'pop.ringingPanel'), [known]);
  return (
    <section className="tel-panel tel-ringing" data-testid="tel-ringing" role="alertdialog" aria-label={tt('ring.title')}>
      <header className="tel-head">
        <span className="tel-pulse" aria-hidden="true" /> {tt('ring.title')}
      </header>
      <CallerInfo number={p.line.remote} lookup={p.lookup} onOpen={p.onOpen} />
      <div className="tel-actions">
        <Button variant="primary" onClick={p.onAnswer} data-testid="tel-answer" title="Alt+A">
          {tt('ring.answer')} <kbd>Alt+A</kbd>
        </Button>
        <Button variant="danger" onClick={p.onDecline} data-testid="tel-decline">
          {tt('ring.decline')}
        </Button>
      </div>
    </section>
  );
}

/** Talk time: counts from the moment the call is connected, not from the first ring. */
function useTimer(running: boolean): string {
  const [start, setStart] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    setStart((s) => s ?? Date.now());
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, [running]);
  const s = start === null ? 0 : Math.max(0, Math.floor((now - start) / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

export function CallPanel({ line, info, phone, onOpen }: { line: Line; info: LineInfo | undefined; phone: Softphone; onOpen: (id: number, name: string) => void }) {
  const tt = useTelT();
  const toast = useToast();
  const connected = line.state === 'connected';
  const timer = useTimer(connected);
  const [keypad, setKeypad] = useState(false);
  const [transfer, setTransfer] = useState<string | null>(null);
  const guard = (p: Promise<unknown>) => void p.catch((e: unknown) => toast.error(tt('call.failed', { reason: e instanceof Error ? e.message : String(e) })));
  return (
    <section className={`tel-panel tel-call${line.held ? ' tel-held' : ''}`} data-testid="tel-call" data-state={line.held ? 'held' : line.state}>
      <header className="tel-head">
        {tt(line.direction === 'inbound' ? 'call.title.in' : 'call.title.out')}
        <span className="tel-state" data-testid="tel-state">
          {line.state === 'calling' ? tt('call.calling') : line.held ? tt('call.onHold') : tt('call.connected')}
        </span>
        {connected && (
          <span className="tel-timer mono" data-testid="tel-timer">
            {timer}
          </span>
        )}
        {line.consultOf && <span className="tel-tag">{tt('call.consulting')}</span>}
        {line.conferenceWith && (
          <span className="tel-tag" data-testid="tel-in-conference">
            {tt('call.inConference')}
          </span>
        )}
        {info?.recording && (
          <span className="tel-rec" title={tt('call.recording')}>
            ● {tt('call.recording')}
          </span>
        )}
      </header>
      <CallerInfo number={line.remote} lookup={info?.lookup ?? null} onOpen={onOpen} />
      <div className="tel-actions">
        {connected && (
          <>
            <Button size="small" onClick={() => guard(phone.setHold(line, !line.held))} data-testid="tel-hold">
              {line.held ? tt('call.resume') : tt('call.hold')}
            </Button>
            <Button size="small" onClick={() => phone.setMute(line, !line.muted)} data-testid="tel-mute" aria-pressed={line.muted}>
              {line.muted ? tt('call.unmute') : tt('call.mute')}
            </Button>
            <Button size="small" onClick={() => setKeypad((k) => !k)} aria-expanded={keypad}>
              {tt('call.keypad')}
            </Button>
            <Button size="small" onClick={() => setTransfer('')} data-testid="tel-transfer">
              {tt('call.transfer')}
            </Button>
          </>
        )}
        {connected && line.consultOf && (
          <>
            <Button size="small" variant="primary" onClick={() => guard(phone.completeTransfer(line))} data-testid="tel-complete">
              {tt('call.complete')}
            </Button>
            <Button size="small" onClick={() => guard(phone.conference(line))} data-testid="tel-conference">
              {tt('call.conference')}
            </Button>
          </>
        )}
        {line.consultOf && (
          <Button size="small" onClick={() => guard(phone.cancelConsult(line))} data-testid="tel-cancel-consult">
            {tt('call.cancelConsult')}
          </Button>
        )}
        <Button size="small" variant="danger" onClick={() => guard(phone.hangup(line))} data-testid="tel-hangup" title="Alt+H">
          {tt('call.hangup')} <kbd>Alt+H</kbd>
        </Button>
      </div>
      {keypad && connected && (
        <div className="tel-keypad" role="group" aria-label={tt('call.keypad')}>
          {KEYS.map((k) => (
            <button key={k} type="button" onClick={() => phone.dtmf(line, k)}>
              {k}
            </button>
          ))}
        </div>
      )}
      {transfer !== null && connected && (
        <form
          className="tel-transfer"
          onSubmit={(e) => {
            e.preventDefault();
            if (transfer.trim()) guard(phone.transfer(line, transfer.trim()));
            setTransfer(null);
          }}
        >
          <TextField label={tt('call.transferTo')} value={transfer} onChange={setTransfer} inputMode="tel" autoFocus data-testid="tel-transfer-to" />
          <Button type="submit" size="small" variant="primary">
            {tt('call.transferGo')}
          </Button>
          {/* 咨询转接: talk to the target first, the customer on hold; then complete, cancel or all three. */}
          <Button
            size="small"
            onClick={() => {
              if (transfer.trim()) guard(phone.consult(line, transfer.trim()));
              setTransfer(null);
            }}
            data-testid="tel-consult"
          >
            {tt('call.consult')}
          </Button>
        </form>
      )}
    </section>
  );
}

/** After the call: the outcome form has focus; one key (1–6) picks each outcome. */
export function OutcomeDialog({ callId, onClose }: { callId: number; onClose: () => void }) {
  const tt = useTelT();
  const { locale } = useI18n();
  const toast = useToast();
  const box = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => box.current?.focus(), []);
  const pick = async (value: (typeof CALL_OUTCOMES)[number]['value']) => {
    setBusy(true);
    try {
      await call('telephony.call.outcome', { callId, outcome: value });
      toast.success(tt('outcome.saved'));
      onClose();
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };
  return (
    <Dialog title={tt('outcome.title')} onClose={onClose} width={420}>
      <div
        ref={box}
        tabIndex={-1}
        className="tel-outcome"
        data-testid="tel-outcome"
        onKeyDown={(e) => {
          const o = CALL_OUTCOMES.find((x) => x.key === e.key);
          if (o && !busy) {
            e.preventDefault();
            void pick(o.value);
          }
        }}
      >
        <p className="muted small">{tt('outcome.hint')}</p>
        <div className="tel-outcome-grid">
          {CALL_OUTCOMES.map((o) => (
            <Button key={o.value} onClick={() => void pick(o.value)} disabled={busy} data-testid={`tel-outcome-${o.value}`}>
              <kbd>{o.key}</kbd> {locale === 'en' ? o.en : o.zh}
            </Button>
          ))}
        </div>
      </div>
    </Dialog>
  );
}
