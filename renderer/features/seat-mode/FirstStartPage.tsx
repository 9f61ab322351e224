import { useState } from 'react';
import type { HostProbe, SeatStatus } from '../../../electron/common/api/seat-mode';
import { call, isApiError } from '../../api';
import { usePrefixedT, useI18n } from '../../i18n/react';
import { Button, Form, FormActions, FormMessage, TextField } from '../../ui';
import { AuthLayout } from '../auth';
import { hasPairingFieldErrors, pairingFieldErrors } from '../lan-pair';
import './seat-mode.css';

/** 32 hex pairs as 4 lines of 8, so the admin can compare them line by line with 终端管理. */
function fingerprintLines(fp: string): string[] {
  const pairs = fp.split(':');
  return [0, 8, 16, 24].map((i) => pairs.slice(i, i + 8).join(':')).filter(Boolean);
}

/**
 * First start of the desktop: 本机 (own database) or 连接到主机 — host address, the certificate
 * fingerprint this PC sees (the admin compares it with 终端管理 on the host before pairing: trust on
 * first use), then the pairing code and a seat name. Also shown, with the reason, when the host
 * refuses a paired seat for good (certificate changed, seat revoked): pairing again is the way back.
 */
export function FirstStartPage({ problem, host, onDone }: { problem: string | null; host?: string; onDone: (s: SeatStatus) => void }) {
  const { t, locale } = useI18n();
  const st = usePrefixedT('seatMode.');
  const [step, setStep] = useState<'choose' | 'address' | 'confirm'>(problem ? 'address' : 'choose');
  const [hostUrl, setHostUrl] = useState(host ?? '');
  const [probe, setProbe] = useState<HostProbe | null>(null);
  const [code, setCode] = useState('');
  const [seatName, setSeatName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ hostUrl?: string; code?: string; seatName?: string }>({});
  const fail = (e: unknown) => setError(isApiError(e) ? e.message : t('error.unexpected', { message: String(e) }));

  const useLocal = async () => {
    setError(null);
    try {
      onDone(await call('seat.useLocal', {}));
    } catch (e) {
      fail(e);
    }
  };

  const connect = async () => {
    setError(null);
    const errs = pairingFieldErrors(hostUrl, null, null, locale);
    setFieldErrors({ hostUrl: errs.address });
    if (hasPairingFieldErrors(errs)) return;
    try {
      setProbe(await call('seat.probe', { hostUrl: hostUrl.trim() }));
      setStep('confirm');
    } catch (e) {
      fail(e);
    }
  };

  const pair = async () => {
    if (!probe) return;
    setError(null);
    const errs = pairingFieldErrors(null, code, seatName, locale);
    setFieldErrors(errs);
    if (hasPairingFieldErrors(errs)) return;
    try {
      onDone(await call('seat.pair', { hostUrl: probe.hostUrl, fingerprint: probe.fingerprint, code: code.trim(), seatName: seatName.trim() }));
    } catch (e) {
      fail(e);
    }
  };

  if (step === 'choose') {
    return (
      <AuthLayout title={st('title')}>
        <p className="seat-intro">{st('intro')}</p>
        <FormMessage>{error}</FormMessage>
        <div className="seat-choices">
          <button type="button" className="seat-choice" onClick={() => void useLocal()}>
            <strong>{st('local')}</strong>
            <span>{st('localHint')}</span>
          </button>
          <button type="button" className="seat-choice" onClick={() => setStep('address')}>
            <strong>{st('client')}</strong>
            <span>{st('clientHint')}</span>
          </button>
        </div>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={problem ? st('repairTitle') : st('pairTitle')}>
      {step === 'address' ? (
        <Form onSubmit={connect} aria-label={st('pairTitle')}>
          {problem && !error && <FormMessage>{problem}</FormMessage>}
          <FormMessage>{error}</FormMessage>
          <TextField label={st('hostUrl')} name="hostUrl" autoFocus value={hostUrl} onChange={setHostUrl} error={fieldErrors.hostUrl} hint={st('hostUrlHint')} spellCheck={false} />
          <FormActions>
            {!problem && (
              <Button onClick={() => setStep('choose')}>
                {st('back')}
              </Button>
            )}
            <Button type="submit" variant="primary">
              {st('probe')}
            </Button>
          </FormActions>
        </Form>
      ) : (
        <Form onSubmit={pair} aria-label={st('pairTitle')}>
          <FormMessage>{error}</FormMessage>
          <dl className="seat-host">
            <dt>{st('hostName')}</dt>
            <dd>{probe?.hostName}</dd>
            <dt>{st('fingerprint')}</dt>
            <dd className="seat-fingerprint" data-testid="seat-fingerprint" data-fingerprint={probe?.fingerprint}>
              {fingerprintLines(probe?.fingerprint ?? '').map((line, i) => (
                <span key={i}>{line}</span>
              ))}
            </dd>
          </dl>
          <FormMessage kind="info">{st('fingerprintHint')}</FormMessage>
          {probe && !probe.sameVersion && <FormMessage>{st('versionDiffers', { version: `${probe.appVersion} (${probe.apiVersion})` })}</FormMessage>}
          <TextField label={st('code')} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus value={code} onChange={setCode} error={fieldErrors.code} hint={st('codeHint')} />
          <TextField label={st('seatName')} name="seatName" maxLength={32} value={seatName} onChange={setSeatName} error={fieldErrors.seatName} hint={st('seatNameHint')} />
          <FormActions>
            <Button onClick={() => setStep('address')}>{st('back')}</Button>
            <Button type="submit" variant="primary" disabled={probe !== null && !probe.sameVersion}>
              {st('pair')}
            </Button>
          </FormActions>
        </Form>
      )}
    </AuthLayout>
  );
}

/** The host runs another version: nothing to do here but install the same one (the message says which). */
export function VersionPage({ message, onRetry }: { message: string | null; onRetry: () => void }) {
  const st = usePrefixedT('seatMode.');
  return (
    <AuthLayout title={st('versionTitle')}>
      <FormMessage>{message}</FormMessage>
      <FormActions>
        <Button variant="primary" onClick={onRetry}>
          {st('retry')}
        </Button>
      </FormActions>
    </AuthLayout>
  );
}
