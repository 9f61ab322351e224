import { useEffect, useMemo, useState } from 'react';
import type { PairingCode } from '../../../../electron/common/api';
import { useI18n } from '../../../i18n/react';
import { Button, Dialog } from '../../../ui';

/** mm:ss, for the code's countdown. */
function remaining(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The fingerprint in four lines of 8 pairs, as the seat's pairing page shows it, so the two are
 * compared line by line (the text content stays the fingerprint as printed at the host's start-up).
 */
function fingerprintGroups(fp: string): string[] {
  const pairs = fp.split(':');
  const groups: string[] = [];
  for (let i = 0; i < pairs.length; i += 8) groups.push(pairs.slice(i, i + 8).join(':') + (i + 8 < pairs.length ? ':' : ''));
  return groups;
}

/**
 * The code the administrator reads out to the new seat, big, with its countdown, and the host
 * certificate's fingerprint the seat's user compares with what their screen shows (that comparison
 * is what makes trust on first use safe against a stranger's host on the LAN).
 */
export function PairingCodeDialog({ code, onNewCode, onClose }: { code: PairingCode; onNewCode: () => void; onClose: () => void }) {
  const { t } = useI18n();
  // Counted on this PC's own clock from when the code arrived: a seat's clock may differ from the host's.
  const expiresAt = useMemo(() => Date.now() + code.expiresInMs, [code]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = expiresAt - now;
  const expired = left <= 0;

  return (
    <Dialog
      title={t('seats.codeTitle')}
      onClose={onClose}
      closeLabel={t('common.close')}
      width={560}
      actions={
        <>
          <Button onClick={onNewCode}>{t('seats.newCode')}</Button>
          <Button variant="primary" onClick={onClose} data-autofocus>
            {t('common.ok')}
          </Button>
        </>
      }
    >
      <p>{t('seats.codeIntro')}</p>
      <div className={`pairing-code${expired ? ' expired' : ''}`} aria-label={t('seats.codeLabel')} data-testid="pairing-code">
        {code.code}
      </div>
      <p className={`pairing-expiry${expired ? ' expired' : ''}`} role={expired ? 'alert' : undefined} data-testid="pairing-expiry">
        {expired ? t('seats.expired') : t('seats.expiresIn', { time: remaining(left) })}
      </p>
      <div className="pairing-fingerprint">
        <div className="field-label">{t('seats.hostUrls')}</div>
        {code.hostUrls.length ? (
          <code data-testid="pairing-host-urls">
            {code.hostUrls.map((u) => (
              <span key={u}>{u}</span>
            ))}
          </code>
        ) : (
          <div className="field-hint" data-testid="pairing-host-urls">
            {t('seats.noHostUrls')}
          </div>
        )}
      </div>
      <div className="pairing-fingerprint">
        <div className="field-label">{t('seats.fingerprint')}</div>
        {code.fingerprint ? (
          <>
            <code data-testid="pairing-fingerprint">
              {fingerprintGroups(code.fingerprint).map((g, i) => (
                <span key={i}>{g}</span>
              ))}
            </code>
            <div className="field-hint">{t('seats.fingerprintHint')}</div>
          </>
        ) : (
          <div className="field-hint" data-testid="pairing-fingerprint">
            {t('seats.noFingerprint')}
          </div>
        )}
      </div>
    </Dialog>
  );
}
