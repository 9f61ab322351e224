import { useRef, useState } from 'react';
import { isApiError } from '../../api';
import { useI18n } from '../../i18n/react';
import { Button, Form, FormMessage, LanguageSwitch, PasswordField } from '../../ui';
import { useSession, type LockInfo } from './session';

/**
 * Covers the whole window while the program is locked. The app underneath stays mounted (open tabs,
 * half-filled forms) but hidden and unreachable. Only the password of the locked user opens it;
 * anyone else must log that user out first.
 */
export function LockScreen({ lock }: { lock: LockInfo }) {
  const { t } = useI18n();
  const { unlock, logout } = useSession();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const who = lock.username ? `${lock.displayName} (${lock.username})` : lock.displayName;

  const submit = async () => {
    if (!password) {
      setError(t('common.required'));
      input.current?.focus();
      return;
    }
    setError(null);
    try {
      await unlock(password);
    } catch (e) {
      setError(isApiError(e) ? e.message : t('error.unexpected', { message: String(e) }));
      setPassword('');
      setTimeout(() => input.current?.focus(), 0);
    }
  };

  const switchUser = async () => {
    setLeaving(true);
    await logout(null);
  };

  return (
    <div className="lockscreen" role="dialog" aria-modal="true" aria-labelledby="lock-title">
      <div className="lockscreen-lang">
        <LanguageSwitch compact />
      </div>
      <div className="lockscreen-card">
        <div className="lockscreen-icon" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="40" height="40">
            <path
              fill="currentColor"
              d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5zm-3 8V7a3 3 0 1 1 6 0v3H9zm3 4a1.5 1.5 0 0 1 .75 2.8V18h-1.5v-1.2A1.5 1.5 0 0 1 12 14z"
            />
          </svg>
        </div>
        <h1 id="lock-title" className="lockscreen-title">
          {t('lock.title')}
        </h1>
        <p className="lockscreen-who" data-testid="lock-user">
          {t('lock.who', { name: who })}
        </p>
        <p className="lockscreen-intro">{t('lock.intro')}</p>
        <Form onSubmit={submit} aria-label={t('lock.title')}>
          <FormMessage>{error}</FormMessage>
          <PasswordField ref={input} label={t('lock.password')} name="unlock-password" autoFocus value={password} onChange={setPassword} />
          <div className="lockscreen-actions">
            <Button type="submit" variant="primary" className="btn-wide">
              {t('lock.unlock')}
            </Button>
            <Button variant="quiet" busy={leaving} onClick={() => void switchUser()} title={t('lock.switchHint')}>
              {t('lock.switchUser')}
            </Button>
          </div>
        </Form>
      </div>
    </div>
  );
}
