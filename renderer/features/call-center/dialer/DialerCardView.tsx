import { useEffect, useState } from 'react';
import type { DialerCard } from '../../../../electron/common/api/dialer';
import { formatDateTime } from '../../../i18n';
import { usePrefixedT } from '../../../i18n/react';
import { Button } from '../../../ui';
import { clock } from '../clock';
import { PriorityBadge } from '../../service';
import { RevisitQuestions } from './RevisitQuestions';

/**
 * The task's customer card in 作业模式: who, which number (the agent may pick another of the
 * customer's phones), vehicles, the tries on this task and the customer's last calls, the script
 * to open with and, for a revisit, its questionnaire. The preview counts down to the dial (`previewSeconds`; null waits for the key) and
 * stops while the agent is not 就绪, the softphone is not registered, or the agent paused it.
 */
export function DialerCardView(props: {
  card: DialerCard;
  queueName: string;
  canDial: boolean;
  /** Why not (not 就绪, no softphone): shown instead of the countdown. */
  blocked: string | null;
  number: string;
  onNumber: (n: string) => void;
  onDial: () => void;
  onSkip: () => void;
}) {
  const { card, canDial, onDial } = props;
  const tx = usePrefixedT('dialer.');
  const [left, setLeft] = useState<number | null>(card.rules.previewSeconds);
  const [paused, setPaused] = useState(false);

  // A new card starts its own preview.
  useEffect(() => {
    setLeft(card.rules.previewSeconds);
    setPaused(false);
  }, [card]);
  useEffect(() => {
    if (left === null || paused || !canDial) return;
    if (left <= 0) {
      // Once per card: after the dial the screen shows the call (or, failed, the card waits for the key).
      setLeft(null);
      return onDial();
    }
    const timer = setTimeout(() => setLeft((n) => (n === null ? n : n - 1)), 1000);
    return () => clearTimeout(timer);
  }, [left, paused, canDial, onDial]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const k = e.key.toLowerCase();
      if (k === 'p') {
        e.preventDefault();
        setPaused(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const row = card.row;
  const status = props.blocked ?? (left === null ? tx('countdown.manual') : paused ? tx('countdown.paused') : tx('countdown', { n: String(Math.max(0, left)) }));
  return (
    <div className="dialer-card" data-testid="dialer-card">
      <section className="dialer-who">
        <h2 data-testid="dialer-customer">
          {row.customerName}
          {row.dnd.call && <span className="badge">{tx('card.dnd')}</span>}
        </h2>
        <p className="muted">
          {props.queueName} · {row.reason ?? ''} · {tx('card.due', { date: row.dueDate })}
          {row.overdue && <span className="badge badge-warn">{tx('card.overdue')}</span>} <PriorityBadge priority={row.priority} />
        </p>
        <fieldset className="dialer-phones">
          <legend>{tx('card.phones')}</legend>
          {card.customer.phones.map((p) => (
            <label key={p.number}>
              <input type="radio" name="dialer-phone" value={p.number} checked={props.number === p.number} onChange={() => props.onNumber(p.number)} /> {p.number}
            </label>
          ))}
        </fieldset>
        <h3>{tx('card.vehicles')}</h3>
        <ul className="dialer-list">
          {card.customer.vehicles.length === 0 && <li className="muted">{tx('card.noVehicle')}</li>}
          {card.customer.vehicles.map((v) => (
            <li key={v.id}>{tx('card.vehicle', { plate: v.plate ?? v.model ?? '', last: v.lastServiceDate ?? '—', next: v.nextServiceDate ?? '—' })}</li>
          ))}
        </ul>
        <h3>{tx('card.attempts')}</h3>
        <ul className="dialer-list" data-testid="dialer-attempts">
          {card.attempts.length === 0 && <li className="muted">{tx('card.noAttempts')}</li>}
          {card.attempts.map((a, i) => (
            <li key={i}>
              {formatDateTime(a.at)} · {tx(`result.${a.result}`)} {a.reason ? `· ${a.reason}` : ''} {a.userName ? `· ${a.userName}` : ''}
            </li>
          ))}
        </ul>
        <h3>{tx('card.calls')}</h3>
        <ul className="dialer-list">
          {card.recentCalls.length === 0 && <li className="muted">{tx('card.noCalls')}</li>}
          {card.recentCalls.map((c, i) => (
            <li key={i}>
              {formatDateTime(c.startedAt)} · {tx(`dir.${c.direction}`)} · {c.answered ? clock((c.durationS ?? 0) * 1000) : tx('result.noAnswer')} {c.userName ? `· ${c.userName}` : ''}
            </li>
          ))}
        </ul>
      </section>
      <section className="dialer-script">
        <h3>{tx('card.script')}</h3>
        <p data-testid="dialer-script">{card.rules.script}</p>
        <RevisitQuestions row={row} />
        <div className="dialer-go">
          <span className="dialer-countdown" data-testid="dialer-countdown">
            {status}
          </span>
          <Button variant="primary" disabled={!canDial} onClick={onDial} data-testid="dialer-dial">
            {tx('dial')}
          </Button>
          {left !== null && !paused && (
            <Button onClick={() => setPaused(true)} data-testid="dialer-pause">
              {tx('pause')}
            </Button>
          )}
          <Button onClick={props.onSkip} data-testid="dialer-skip">
            {tx('skip')}
          </Button>
        </div>
        <p className="hint">{tx('keys')}</p>
      </section>
    </div>
  );
}
