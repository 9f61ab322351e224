import { useState } from 'react';
import { POP_ON, RECORDING_POLICIES, type PopOn, type RecordingPolicy } from '../../../electron/common/api/telephony';
import { call, isApiError } from '../../api';
import { Button, Form, FormActions, FormMessage, PasswordField, SelectField, TextField, Toolbar } from '../../ui';
import { DialPad } from './DialPad';
import { useSoftphone } from './SoftphoneProvider';
import { statusText } from './SoftphoneStatus';
import { useTelT } from './i18n';
import { useLoad } from '../../ui/use-load';

type Errors = Partial<Record<'wsUrl' | 'extension' | 'authUser' | 'outsidePrefix', string>>;

/** 软电话: the seat's settings (the password is never shown, only replaced) and a dial pad. */
export function SoftphoneScreen() {
  const tt = useTelT();
  const phone = useSoftphone();
  const [v, setV] = useState({ wsUrl: '', extension: '', authUser: '', password: '', displayName: '', autoAnswer: false, popOn: 'answer' as PopOn, recordingPolicy: 'all' as RecordingPolicy, outsidePrefix: '' });
  const [hasPassword, setHasPassword] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useLoad(
    () => call('telephony.settings.get', {}),
    [],
    (s) => {
      setHasPassword(s.hasPassword);
      if (s.configured) setV({ ...s, password: '' });
    },
  );
  const set = <K extends keyof typeof v>(k: K) => (value: (typeof v)[K]) => setV((x) => ({ ...x, [k]: value }));

  const save = async () => {
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      const { password, ...rest } = v;
      const r = await call('telephony.settings.save', { ...rest, ...(password ? { password } : {}) });
      setHasPassword(r.hasPassword);
      setV((x) => ({ ...x, password: '' }));
      setMessage({ kind: 'info', text: tt('settings.saved') });
      phone?.reload();
    } catch (e) {
      const fields = isApiError(e) ? ((e.details?.fields as { field: string; message: string }[] | undefined) ?? []) : [];
      const errs: Errors = {};
      for (const f of fields) errs[f.field as keyof Errors] = f.message;
      setErrors(errs);
      setMessage({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="screen tel-screen" data-testid="softphone-screen">
      <Toolbar title={tt('settings.title')}>
        <span className="muted" data-testid="tel-screen-status">
          {phone ? statusText(tt, phone.status) : ''}
        </span>
      </Toolbar>
      <div className="tel-screen-body">
        <Form onSubmit={save} className="tel-settings" aria-label={tt('settings.title')}>
          <TextField label={tt('settings.wsUrl')} value={v.wsUrl} onChange={set('wsUrl')} error={errors.wsUrl} placeholder="wss://pbx.example:8089/ws" name="wsUrl" required />
          <TextField label={tt('settings.extension')} value={v.extension} onChange={set('extension')} error={errors.extension} inputMode="numeric" name="extension" required />
          <TextField label={tt('settings.authUser')} value={v.authUser} onChange={set('authUser')} error={errors.authUser} name="authUser" required />
          <PasswordField label={tt('settings.password')} value={v.password} onChange={set('password')} hint={hasPassword ? tt('settings.passwordKeep') : undefined} name="sipPassword" autoComplete="new-password" />
          <TextField label={tt('settings.displayName')} value={v.displayName} onChange={set('displayName')} name="displayName" />
          <SelectField label={tt('settings.popOn')} value={v.popOn} onChange={set('popOn')} options={POP_ON.map((p) => ({ value: p, label: tt(`settings.popOn.${p}`) }))} name="popOn" />
          <SelectField
            label={tt('settings.recording')}
            value={v.recordingPolicy}
            onChange={set('recordingPolicy')}
            options={RECORDING_POLICIES.map((p) => ({ value: p, label: tt(`settings.recording.${p}`) }))}
            name="recordingPolicy"
          />
          <TextField label={tt('settings.outsidePrefix')} value={v.outsidePrefix} onChange={set('outsidePrefix')} error={errors.outsidePrefix} hint={tt('settings.outsidePrefix.hint')} inputMode="numeric" name="outsidePrefix" />
          <label className="tel-check">
            <input type="checkbox" checked={v.autoAnswer} onChange={(e) => set('autoAnswer')(e.target.checked)} name="autoAnswer" /> {tt('settings.autoAnswer')}
          </label>
          {message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}
          <FormActions>
            <Button type="submit" variant="primary" busy={busy} data-testid="tel-settings-save">
              {tt('settings.save')}
            </Button>
          </FormActions>
        </Form>
        {phone?.status.kind === 'registered' && (
          <section className="tel-screen-dial">
            <h3>{tt('dial.title')}</h3>
            <DialPad />
          </section>
        )}
      </div>
    </div>
  );
}
