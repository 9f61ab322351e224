import { useEffect, useState } from 'react';
import './sms.css';
import type { SmsChannelSettings, SmsChannelStatus } from '../../../electron/common/api/sms';
import { call } from '../../api';
import { Button } from '../../ui';
import { useSessionInfo } from '../auth';
import { useSmsT } from './messages';
import { errorText } from '../../ui/errors';

/**
 * 短信通道 in the settings screen: the SMPP gateway (password write-only: the server never sends
 * it back), the GSM modem's port, rate limits, the signature, and each channel's live state
 * (bind refused, modem signal and SIM).
 */
export function SmsSettingsPanel() {
  const st = useSmsT();
  const { user } = useSessionInfo();
  const [s, setS] = useState<SmsChannelSettings | null>(null);
  const [password, setPassword] = useState('');
  const [status, setStatus] = useState<SmsChannelStatus | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  const allowed = user.role === 'admin' || user.role === 'generalManager';

  useEffect(() => {
    if (!allowed) return;
    call('sms.settings', {}).then(setS).catch(() => setS(null));
    const poll = () => call('sms.status', {}).then(setStatus).catch(() => undefined);
    void poll();
    const timer = setInterval(() => void poll(), 3000);
    return () => clearInterval(timer);
  }, [allowed]);
  if (!allowed || !s) return null;

  const save = async () => {
    setMsg(null);
    try {
      const { hasPassword: _hasPassword, ...smpp } = s.smpp;
      const r = await call('sms.settings.save', { smpp: { ...smpp, password: password || null }, modem: s.modem, signature: s.signature });
      setS(r);
      setPassword('');
      setMsg(st('saved'));
    } catch (e) {
      setMsg(errorText(e));
    }
  };
  const smpp = <K extends keyof SmsChannelSettings['smpp']>(k: K, v: SmsChannelSettings['smpp'][K]) => setS({ ...s, smpp: { ...s.smpp, [k]: v } });
  const modem = <K extends keyof SmsChannelSettings['modem']>(k: K, v: SmsChannelSettings['modem'][K]) => setS({ ...s, modem: { ...s.modem, [k]: v } });
  const stateText = (x: string) => st(`state.${x}` as Parameters<typeof st>[0]);

  return (
    <section className="settings-group" data-testid="sms-settings">
      <h3>{st('settings')}</h3>
      <h4>
        {st('smpp')} — {stateText(status?.smpp.state ?? 'off')}
      </h4>
      {status?.smpp.error && <div className="sms-error">{status.smpp.error}</div>}
      <div className="sms-settings">
        <label className="checkbox">
          <input type="checkbox" checked={s.smpp.enabled} onChange={(e) => smpp('enabled', e.target.checked)} /> {st('enabled')}
        </label>
        <Field label={st('host')} value={s.smpp.host} onChange={(v) => smpp('host', v)} />
        <Field label={st('port')} value={String(s.smpp.port)} onChange={(v) => smpp('port', Number(v) || 0)} />
        <Field label={st('systemId')} value={s.smpp.systemId} onChange={(v) => smpp('systemId', v)} />
        <label className="field">
          <span className="field-label">{st('password')}</span>
          <input className="input" type="password" value={password} placeholder={s.smpp.hasPassword ? st('passwordKeep') : ''} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
        </label>
        <Field label={st('sourceAddr')} value={s.smpp.sourceAddr} onChange={(v) => smpp('sourceAddr', v)} />
        <Field label={st('rate')} value={String(s.smpp.ratePerSecond)} onChange={(v) => smpp('ratePerSecond', Number(v) || 0)} />
        <Field label={st('window')} value={String(s.smpp.windowSize)} onChange={(v) => smpp('windowSize', Number(v) || 0)} />
      </div>
      <h4>
        {st('modem')} — {stateText(status?.modem.state ?? 'off')}
        {status?.modem.signal != null && ` · ${st('signal')} ${status.modem.signal}/31`}
        {status?.modem.sim && ` · ${st('sim')} ${status.modem.sim}`}
      </h4>
      {status?.modem.error && <div className="sms-error">{status.modem.error}</div>}
      <div className="sms-settings">
        <label className="checkbox">
          <input type="checkbox" checked={s.modem.enabled} onChange={(e) => modem('enabled', e.target.checked)} /> {st('enabled')}
        </label>
        <Field label={st('modemPath')} value={s.modem.path} onChange={(v) => modem('path', v)} />
        <Field label={st('baudRate')} value={String(s.modem.baudRate)} onChange={(v) => modem('baudRate', Number(v) || 0)} />
        <Field label={st('rate')} value={String(s.modem.ratePerSecond)} onChange={(v) => modem('ratePerSecond', Number(v) || 0)} />
      </div>
      <div className="sms-settings">
        <Field label={st('signature')} value={s.signature} onChange={(v) => setS({ ...s, signature: v })} hint={st('signatureHint')} />
      </div>
      <div className="sms-progress-actions">
        <Button variant="primary" onClick={() => void save()}>
          {st('save')}
        </Button>
        {msg && <span className="muted">{msg}</span>}
      </div>
    </section>
  );
}

function Field({ label, value, onChange, hint }: { label: string; value: string; onChange: (v: string) => void; hint?: string }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input className="input" value={value} onChange={(e) => onChange(e.target.value)} />
      {hint && <span className="field-hint">{hint}</span>}
    </label>
  );
}
