import { useState } from 'react';
import { Icon, StatusItem } from '../../ui';
import { DialPad } from './DialPad';
import { useSoftphone } from './SoftphoneProvider';
import { useTelT } from './i18n';
import type { RegStatus } from './softphone';

export function statusText(tt: ReturnType<typeof useTelT>, s: RegStatus): string {
  switch (s.kind) {
    case 'off':
      return tt('status.off');
    case 'connecting':
      return tt('status.connecting');
    case 'registered':
      return tt('status.registered', { ext: s.extension });
    case 'failed': {
      const reason =
        s.reason === 'wrongPassword'
          ? tt('reason.wrongPassword')
          : s.reason === 'unknownUser'
            ? tt('reason.unknownUser')
            : s.reason === 'unreachable'
              ? tt('reason.unreachable')
              : s.code
                ? tt('reason.rejected', { code: s.code, text: s.text ?? '' })
                : (s.text ?? '');
      return tt('status.failed', { reason }) + (s.retryInS ? `(${tt('status.retry', { s: s.retryInS })})` : '');
    }
  }
}

/** The status bar's softphone item: registration state (with the reason when it failed) and the dial pad. */
export function SoftphoneStatus() {
  const tt = useTelT();
  const phone = useSoftphone();
  const [open, setOpen] = useState(false);
  const s = phone?.status ?? { kind: 'off' as const };
  return (
    <StatusItem className={`status-phone tel-status tel-status-${s.kind}`} title={tt('hotkeys')}>
      <span data-testid="tel-status" data-kind={s.kind} data-reason={s.kind === 'failed' ? s.reason : undefined}>
        <Icon name="phone" /> {statusText(tt, s)}
      </span>
      {s.kind === 'registered' && (
        <button type="button" className="link tel-dial-toggle" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="tel-dialpad-toggle">
          {tt('dial.title')}
        </button>
      )}
      {open && <DialPad className="tel-dial-popover" onDone={() => setOpen(false)} />}
    </StatusItem>
  );
}
