import { useEffect, useState } from 'react';
import type { UserPermissionRow, UserPermissions, UserRow } from '../../../electron/common/api';
import { PERMISSION_NAME } from '../../../electron/common/roles-texts';
import type { UserPermission } from '../../../electron/common/roles';
import type { ModuleKey } from '../../../electron/common/module-access';
import { call } from '../../api';
import { roleName } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { Dialog, DialogActions, FormMessage, Table, useToast, type Column } from '../../ui';
import { errorText } from '../../ui/errors';

type Choice = 'role' | 'grant' | 'revoke';
type Key = UserPermission | ModuleKey;

/**
 * 用户管理 → 权限: one user's modules (模块功能自由分配) and permissions — the role's default, this user's
 * choice (as the role / grant / revoke) and what holds once saved. A module that cannot be given to
 * this user (决策分析 to an everyday role) offers no 授予. The server keeps the rule (an override equal to the default is
 * dropped) and answers with the stored state, which the dialog then shows.
 */
export function PermissionsDialog({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const [data, setData] = useState<UserPermissions | null>(null);
  const [choices, setChoices] = useState<Partial<Record<Key, Choice>>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    call('admin.users.permissions.get', { userId: user.id }).then(
      (d) => setData(d),
      (e: unknown) => setError(errorText(e)),
    );
  }, [user.id]);

  const choiceOf = (r: UserPermissionRow): Choice => choices[r.permission] ?? r.override ?? 'role';
  const effectiveOf = (r: UserPermissionRow) => {
    const c = choiceOf(r);
    return c === 'role' ? r.roleDefault : c === 'grant';
  };
  const yesNo = (v: boolean) => (v ? `✓ ${t('users.perm.yes')}` : `✗ ${t('users.perm.no')}`);
  const label = (p: Key) => PERMISSION_NAME.text(p, locale);

  const columns: Column<UserPermissionRow>[] = [
    { key: 'permission', header: t('users.perm.col.permission'), render: (r) => label(r.permission) },
    { key: 'roleDefault', header: t('users.perm.col.roleDefault'), render: (r) => yesNo(r.roleDefault) },
    {
      key: 'override',
      header: t('users.perm.col.override'),
      render: (r) => (
        <select
          className="input"
          style={{ minWidth: 130 }}
          aria-label={t('users.perm.changedAria', { permission: label(r.permission) })}
          data-testid={`perm-${r.permission}`}
          value={choiceOf(r)}
          onChange={(e) => setChoices((c) => ({ ...c, [r.permission]: e.target.value as Choice }))}
        >
          <option value="role">{t('users.perm.followRole')}</option>
          {(r.grantable || r.roleDefault) && <option value="grant">{t('users.perm.grant')}</option>}
          <option value="revoke">{t('users.perm.revoke')}</option>
        </select>
      ),
    },
    {
      key: 'effective',
      header: t('users.perm.col.effective'),
      render: (r) => (
        <span data-testid={`perm-${r.permission}-effective`} style={{ fontWeight: effectiveOf(r) !== r.roleDefault ? 700 : undefined }}>
          {yesNo(effectiveOf(r))}
        </span>
      ),
    },
  ];

  const save = async () => {
    if (!data) return;
    const overrides: Partial<Record<Key, 'grant' | 'revoke'>> = {};
    for (const r of data.rows) {
      const c = choiceOf(r);
      if (c !== 'role') overrides[r.permission] = c;
    }
    setSaving(true);
    setError(null);
    try {
      setData(await call('admin.users.permissions.set', { userId: user.id, overrides }));
      setChoices({});
      toast.success(t('users.perm.saved', { name: user.displayName }));
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      title={t('users.permTitle', { name: user.displayName, role: roleName(user.role, locale) })}
      onClose={onClose}
      closeLabel={t('common.close')}
      width={600}
      actions={<DialogActions onCancel={onClose} onSubmit={() => void save()} submitLabel={t('users.perm.save')} busy={saving || !data} testId="perm-save" />}
    >
      <p className="hint">{t('users.permIntro')}</p>
      <FormMessage>{error}</FormMessage>
      {data ? <Table aria-label={t('users.permissions')} columns={columns} rows={data.rows} rowKey={(r) => r.permission} /> : !error && <p className="muted">{t('common.loading')}</p>}
    </Dialog>
  );
}
