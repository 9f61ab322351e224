import { useState } from 'react';
import { isApiError } from '../../api';
import { useI18n } from '../../i18n/react';
import { Button, Form, FormActions, FormMessage, PasswordField, useToast } from '../../ui';
import { AuthLayout } from './AuthLayout';
import { useSession } from './session';

type Fields = 'oldPassword' | 'newPassword' | 'repeat';

/** Forced at the first login and after a reset: old password, new password twice. The rule is checked on the server. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const toast = useToast();
  const { changePassword, logout, session } = useSession();
  const [values, setValues] = useState<Record<Fields, string>>({ oldPassword: '', newPassword: '', repeat: '' });
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const set = (k: Fields) => (v: string) => setValues((s) => ({ ...s, [k]: v }));

  const submit = async () => {
    const next: Partial<Record<Fields, string>> = {};
    for (const k of ['oldPassword', 'newPassword', 'repeat'] as const) if (!values[k]) next[k] = t('common.required');
    if (!next.repeat && !next.newPassword && values.newPassword !== values.repeat) next.repeat = t('password.mismatch');
    setErrors(next);
    setFormError(null);
    if (Object.keys(next).length) return;
    try {
      await changePassword(values.oldPassword, values.newPassword);
      toast.success(t('password.changed'));
    } catch (e) {
      if (!isApiError(e)) {
        setFormError(t('error.unexpected', { message: String(e) }));
        return;
      }
      if (e.code === 'WEAK_PASSWORD' || e.code === 'SAME_PASSWORD') setErrors({ newPassword: e.message });
      else if (e.code === 'BAD_CREDENTIALS') setErrors({ oldPassword: e.message });
      else setFormError(e.message);
    }
  };

  return (
    <AuthLayout title={t('password.title')}>
      <Form onSubmit={submit} aria-label={t('password.title')}>
        <FormMessage kind="info">
          {t('password.forced')}
          {session && <span className="auth-identity">{t('password.user', { name: `${session.user.displayName} (${session.user.username})` })}</span>}
        </FormMessage>
        <FormMessage>{formError}</FormMessage>
        <PasswordField label={t('password.old')} name="oldPassword" autoFocus value={values.oldPassword} onChange={set('oldPassword')} error={errors.oldPassword} />
        <PasswordField
          label={t('password.new')}
          name="newPassword"
          autoComplete="new-password"
          value={values.newPassword}
          onChange={set('newPassword')}
          error={errors.newPassword}
          hint={t('password.rule')}
        />
        <PasswordField label={t('password.repeat')} name="repeat" autoComplete="new-password" value={values.repeat} onChange={set('repeat')} error={errors.repeat} />
        <FormActions>
          <Button type="submit" variant="primary">
            {t('password.submit')}
          </Button>
          <Button variant="quiet" onClick={() => void logout()}>
            {t('password.cancel')}
          </Button>
        </FormActions>
      </Form>
    </AuthLayout>
  );
}
