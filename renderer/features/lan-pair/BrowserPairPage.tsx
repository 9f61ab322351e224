import { useState } from 'react';
import { usePrefixedT, useI18n } from '../../i18n/react';
import { Button, Form, FormActions, FormMessage, TextField } from '../../ui';
import { AuthLayout } from '../auth';
import { hasPairingFieldErrors, pairingFieldErrors } from './pairing-fields';

/**
 * A browser on another PC that reaches the host's LAN listener without a paired seat (no
 * dscrm_seat cookie, or a revoked one): the host answers every API call SEAT_UNKNOWN / SEAT_REVOKED,
 * so instead of a login that cannot work, the pairing code and a seat name. POST /lan/pair sets the
 * seat cookie (HttpOnly: this page never sees the token); the page then starts again with it.
 * The certificate was already accepted by the browser itself: docs/lan.md says how to compare its
 * fingerprint there before accepting it.
 */
export function BrowserPairPage({ problem, revoked }: { problem: string; revoked: boolean }) {
  const { t, locale } = useI18n();
  const st = usePrefixedT('seatMode.');
  const [code, setCode] = useState('');
  const [seatName, setSeatName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ code?: string; seatName?: string }>({});

  const pair = async () => {
    setError(null);
    // No address here: the browser is at the host already.
    const errs = pairingFieldErrors(null, code, seatName, locale);
    setFieldErrors(errs);
    if (hasPairingFieldErrors(errs)) return;
    try {
      const r = await fetch('/lan/pair', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': locale },
        body: JSON.stringify({ code: code.trim(), seatName: seatName.trim() }),
      });
      if (r.ok) {
        // The seat cookie is set: start the app again, now as a paired seat (login page next).
        window.location.reload();
        return;
      }
      const body = (await r.json().catch(() => null)) as { error?: { message?: string } } | null;
      setError(body?.error?.message ?? t('error.unexpected', { message: `HTTP ${r.status}` }));
    } catch (e) {
      setError(t('error.unexpected', { message: String(e) }));
    }
  };

  return (
    <AuthLayout title={revoked ? st('repairTitle') : st('pairTitle')}>
      <Form onSubmit={pair} aria-label={st('pairTitle')}>
        <FormMessage kind={revoked ? 'error' : 'info'}>{problem}</FormMessage>
        <FormMessage>{error}</FormMessage>
        <TextField label={st('code')} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus value={code} onChange={setCode} error={fieldErrors.code} hint={st('codeHint')} />
        <TextField label={st('seatName')} name="seatName" maxLength={32} value={seatName} onChange={setSeatName} error={fieldErrors.seatName} hint={st('seatNameHint')} />
        <FormActions>
          <Button type="submit" variant="primary">
            {st('pair')}
          </Button>
        </FormActions>
      </Form>
    </AuthLayout>
  );
}
