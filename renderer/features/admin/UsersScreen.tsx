import { useCallback, useEffect, useState } from 'react';
import type { UserRow } from '../../../electron/common/api';
import { ROLES, type Role } from '../../../electron/common/roles';
import { call } from '../../api';
import { formatDateTime, roleName } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { Button, Dialog, Form, FormMessage, SelectField, Table, TextField, Toolbar, useToast, type Column } from '../../ui';
import { errorText } from '../../ui/errors';
import { PermissionsDialog } from './PermissionsDialog';

interface OneTimePassword {
  displayName: string;
  username: string;
  password: string;
}

/** 系统管理 → 用户管理: the accounts, a new account, a password reset, a user's own permissions (权限管理). */
export function UsersScreen() {
  const { t, locale } = useI18n();
  const toast = useToast();
  const [users, setUsers] = useState<UserRow[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const [otp, setOtp] = useState<OneTimePassword | null>(null);
  const [permissionsOf, setPermissionsOf] = useState<UserRow | null>(null);

  const load = useCallback(async () => {
    try {
      setUsers(await call('admin.users.list', {}));
      setLoadError(null);
    } catch (e) {
      setLoadError(errorText(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const status = (u: UserRow): string => {
    if (!u.active) return t('users.status.inactive');
    if (u.lockedUntil && u.lockedUntil > Date.now()) return t('users.status.locked', { time: formatDateTime(u.lockedUntil) });
    if (u.mustChangePassword) return t('users.status.mustChange');
    return t('users.status.active');
  };

  const columns: Column<UserRow>[] = [
    { key: 'username', header: t('users.col.username'), render: (u) => u.username, width: 160 },
    { key: 'displayName', header: t('users.col.displayName'), render: (u) => u.displayName, width: 160 },
    { key: 'role', header: t('users.col.role'), render: (u) => roleName(u.role, locale), width: 180 },
    { key: 'status', header: t('users.col.status'), render: (u) => status(u) },
    {
      key: 'actions',
      header: t('users.col.actions'),
      width: 200,
      render: (u) => (
        <span style={{ display: 'inline-flex', gap: 6 }}>
          <Button size="small" onClick={() => setResetting(u)}>
            {t('users.resetPassword')}
          </Button>
          {u.role !== 'admin' && (
            <Button size="small" onClick={() => setPermissionsOf(u)} data-testid={`user-permissions-${u.username}`}>
              {t('users.permissions')}
            </Button>
          )}
        </span>
      ),
    },
  ];

  const confirmReset = async () => {
    const u = resetting;
    if (!u) return;
    try {
      const { oneTimePassword } = await call('admin.users.resetPassword', { userId: u.id });
      setResetting(null);
      setOtp({ displayName: u.displayName, username: u.username, password: oneTimePassword });
      void load();
    } catch (e) {
      toast.error(errorText(e));
    }
  };

  return (
    <div className="screen">
      <Toolbar title={t('nav.admin.users')} info={users ? t('users.count', { n: users.length }) : null}>
        <Button onClick={() => void load()}>{t('common.refresh')}</Button>
        <Button variant="primary" onClick={() => setCreating(true)}>
          {t('users.create')}
        </Button>
      </Toolbar>
      <FormMessage>{loadError}</FormMessage>
      {users ? (
        <Table columns={columns} rows={users} rowKey={(u) => u.id} empty={t('users.empty')} aria-label={t('nav.admin.users')} />
      ) : (
        !loadError && <p className="muted">{t('common.loading')}</p>
      )}

      {creating && (
        <CreateUserDialog
          onClose={() => setCreating(false)}
          onCreated={(user, password) => {
            setCreating(false);
            setOtp({ displayName: user.displayName, username: user.username, password });
            void load();
          }}
        />
      )}

      {resetting && (
        <Dialog
          title={t('users.resetTitle')}
          onClose={() => setResetting(null)}
          closeLabel={t('common.close')}
          actions={
            <>
              <Button variant="danger" onClick={() => void confirmReset()}>
                {t('users.resetPassword')}
              </Button>
              <Button onClick={() => setResetting(null)} data-autofocus>
                {t('common.cancel')}
              </Button>
            </>
          }
        >
          <p>{t('users.resetConfirm', { name: `${resetting.displayName} (${resetting.username})` })}</p>
        </Dialog>
      )}

      {otp && <OneTimePasswordDialog otp={otp} onClose={() => setOtp(null)} />}
      {permissionsOf && <PermissionsDialog user={permissionsOf} onClose={() => setPermissionsOf(null)} />}
    </div>
  );
}

function CreateUserDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (user: UserRow, oneTimePassword: string) => void }) {
  const { t, locale } = useI18n();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('salesConsultant');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; displayName?: string }>({});

  const submit = async () => {
    const missing = {
      ...(username.trim() ? {} : { username: t('common.required') }),
      ...(displayName.trim() ? {} : { displayName: t('common.required') }),
    };
    setFieldErrors(missing);
    setError(null);
    if (missing.username || missing.displayName) return;
    try {
      const { user, oneTimePassword } = await call('admin.users.create', { username: username.trim(), displayName: displayName.trim(), role });
      onCreated(user, oneTimePassword);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Dialog title={t('users.createTitle')} onClose={onClose} closeLabel={t('common.close')}>
      <Form onSubmit={submit} aria-label={t('users.createTitle')}>
        <FormMessage>{error}</FormMessage>
        <TextField
          label={t('users.username')}
          name="new-username"
          autoComplete="off"
          value={username}
          onChange={setUsername}
          error={fieldErrors.username}
          hint={t('users.usernameHint')}
          data-autofocus
        />
        <TextField label={t('users.displayName')} name="new-displayName" autoComplete="off" value={displayName} onChange={setDisplayName} error={fieldErrors.displayName} />
        <SelectField
          label={t('users.role')}
          name="new-role"
          value={role}
          onChange={setRole}
          options={ROLES.map((r) => ({ value: r, label: roleName(r, locale) }))}
        />
        <div className="dialog-actions in-form">
          <Button type="submit" variant="primary">
            {t('users.create')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </div>
      </Form>
    </Dialog>
  );
}

/** Shows a one-time password once; closing it is the only way back, and it is never shown again. */
function OneTimePasswordDialog({ otp, onClose }: { otp: OneTimePassword; onClose: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(otp.password);
      toast.success(t('common.copied'));
    } catch {
      toast.error(t('common.copyFailed'));
    }
  };
  return (
    <Dialog
      title={t('users.otpTitle')}
      onClose={onClose}
      closeLabel={t('common.close')}
      actions={
        <>
          <Button onClick={() => void copy()}>{t('common.copy')}</Button>
          <Button variant="primary" onClick={onClose} data-autofocus>
            {t('common.ok')}
          </Button>
        </>
      }
    >
      <p>{t('users.otpIntro', { name: otp.displayName, username: otp.username })}</p>
      <div className="otp" aria-label={t('users.otpLabel')} data-testid="one-time-password">
        {otp.password}
      </div>
    </Dialog>
  );
}
