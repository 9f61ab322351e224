import { useState } from 'react';
import { Button, TextField } from '../../ui';
import { useSoftphone } from './SoftphoneProvider';
import { useTelT } from './i18n';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/** A dial pad for numbers typed by hand; a malformed number is refused with a message. */
export function DialPad({ className, onDone }: { className?: string; onDone?: () => void }) {
  const tt = useTelT();
  const phone = useSoftphone();
  const [number, setNumber] = useState('');
  const [error, setError] = useState<string | null>(null);
  const prefix = phone?.settings?.outsidePrefix;
  const go = () => {
    const err = phone ? phone.dial({ number }) : tt('dial.notReady');
    setError(err);
    if (!err) {
      setNumber('');
      onDone?.();
    }
  };
  return (
    <form
      className={`tel-dialpad ${className ?? ''}`}
      data-testid="tel-dialpad"
      onSubmit={(e) => {
        e.preventDefault();
        go();
      }}
    >
      <TextField
        label={tt('dial.number')}
        value={number}
        onChange={(v) => {
          setNumber(v);
          setError(null);
        }}
        error={error}
        hint={prefix ? tt('dial.prefix', { p: prefix }) : undefined}
        inputMode="tel"
        maxLength={40}
        autoFocus
        data-testid="tel-dial-number"
      />
      <div className="tel-keypad">
        {KEYS.map((k) => (
          <button key={k} type="button" onClick={() => setNumber((n) => n + k)}>
            {k}
          </button>
        ))}
      </div>
      <Button type="submit" variant="primary" data-testid="tel-dial-call">
        {tt('dial.call')}
      </Button>
    </form>
  );
}
