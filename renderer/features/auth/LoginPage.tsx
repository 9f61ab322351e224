import { useRef, useState } from 'react';
import { isApiError } from '../../api';
import { useI18n } from '../../i18n/react';
import { Button, Form, FormActions, FormMessage, PasswordField, TextField } from '../../ui';
import { AuthLayout } from './AuthLayout';
import { loadShell } from '../../shell/load-shell';
import { useSession } from './session';
import { perfMark } from '../../perf-marks';

export function LoginPage() {
  const { t } = useI18n();
  const { login, notice } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; password?: string }>({});
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = async () => {
    const missing = {
      ...(username.trim() ? {} : { username: t('common.required') }),
      ...(password ? {} : { password: t('common.required') }),
    };
    setFieldErrors(missing);
    setError(null);
    if (missing.username || missing.password) return;
    try {
      perfMark('login.submit');
      // The shell's chunk is usually here since the name was typed; a filled-in form (a password
      // manager) starts it now, so it loads while the password is checked (the KDF). With the
      // answer, home's reads start at once, while the window renders.
      const shell = loadShell();
      await login(username.trim(), password, (info) => shell.then((m) => m.prefetchHome(info.modules)));
    } catch (e) {
      // The server's message, in the user's language (wrong password, account locked for N minutes …).
      setError(isApiError(e) ? e.message : t('error.unexpected', { message: String(e) }));
      setPassword('');
      setTimeout(() => passwordRef.current?.focus(), 0);
    }
  };

  return (
    <AuthLayout title={t('login.title')}>
      <Form onSubmit={submit} aria-label={t('login.title')}>
        {notice && !error && <FormMessage kind="info">{notice}</FormMessage>}
        <FormMessage>{error}</FormMessage>
        <TextField
          label={t('login.username')}
          name="username"
          autoComplete="username"
          autoFocus
          value={username}
          onChange={(v) => {
            setUsername(v);
            void loadShell().catch(() => undefined); // the shell arrives while the password is typed
          }}
          error={fieldErrors.username}
        />
        <PasswordField
          ref={passwordRef}
          label={t('login.password')}
          name="password"
          value={password}
          onChange={setPassword}
          error={fieldErrors.password}
          hint={t('login.rule')}
        />
        <FormActions>
          <Button type="submit" variant="primary" className="btn-wide">
            {t('login.submit')}
          </Button>
        </FormActions>
      </Form>
    </AuthLayout>
  );
}
