import { useCallback, useEffect, useState } from 'react';
import type { SettingsValues } from '../../../electron/common/api';
import { call } from '../../api';
import type { MessageKey } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { Button, Form, FormActions, FormMessage, SelectField, TextField, Toolbar, useToast } from '../../ui';
import { SmsSettingsPanel } from '../sms';
import { areaCodeOfCity } from '../../../electron/common/phone';
import { errorText } from '../../ui/errors';

type Key = keyof SettingsValues;

/** The settings on this screen, grouped as an administrator thinks of them. */
const GROUPS: { title: MessageKey; keys: { key: Key; numeric?: boolean; yesNo?: boolean }[] }[] = [
  {
    title: 'settings.group.security',
    keys: [
      { key: 'security.idleLockMinutes', numeric: true },
      { key: 'security.sessionIdleHours', numeric: true },
      { key: 'security.sessionMaxDays', numeric: true },
      { key: 'security.maxFailedLogins', numeric: true },
      { key: 'security.loginLockMinutes', numeric: true },
    ],
  },
  {
    title: 'settings.group.dealer',
    keys: [{ key: 'dealer.name' }, { key: 'dealer.city' }, { key: 'dealer.areaCode' }, { key: 'dealer.platePrefix' }, { key: 'dealer.timeZone' }],
  },
  {
    title: 'settings.group.sales',
    keys: [{ key: 'sales.abandonFollowUpYears', numeric: true }, { key: 'sales.stalledDays', numeric: true }, { key: 'dms.exportDir' }, { key: 'dms.format' }],
  },
  { title: 'settings.group.service', keys: [{ key: 'service.lowScoreThreshold', numeric: true }, { key: 'service.appointmentSlotCapacity', numeric: true }, { key: 'callCenter.wrapUpSeconds', numeric: true }, { key: 'callCenter.callingHours' }, { key: 'callCenter.monitorCode' }] },
  { title: 'settings.group.scheduler', keys: [{ key: 'scheduler.salesRevisitDays' }, { key: 'scheduler.backupKeep', numeric: true }, { key: 'telephony.recordingRetentionDays', numeric: true }] },
  // 设为主机 (issue 15): read at start, so the hints say a restart applies it.
  { title: 'settings.group.lan', keys: [{ key: 'lan.enabled', yesNo: true }, { key: 'lan.port', numeric: true }, { key: 'lan.hostNames' }] },
];

const labelKey = (k: Key) => `settings.${k}` as MessageKey;
const hintKey = (k: Key) => `settings.${k}.hint` as MessageKey;

/** 系统管理 → 系统设置: program lock, sessions, login lockout, the dealership's own facts, and 设为主机. */
export function SettingsScreen() {
  const { t } = useI18n();
  const toast = useToast();
  const [saved, setSaved] = useState<SettingsValues | null>(null);
  const [draft, setDraft] = useState<Record<Key, string> | null>(null);
  const [error, setError] = useState<string | null>(null);

  const show = useCallback((v: SettingsValues) => {
    setSaved(v);
    setDraft(Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)])) as Record<Key, string>);
  }, []);

  useEffect(() => {
    call('admin.settings.get', {}).then(show, (e) => setError(errorText(e)));
  }, [show]);

  const save = async () => {
    if (!saved || !draft) return;
    // Only what changed is sent; the server checks ranges and audits each change.
    const patch: Record<string, string | number | boolean> = {};
    for (const g of GROUPS)
      for (const { key, numeric, yesNo } of g.keys) {
        const value = yesNo ? draft[key] === 'true' : numeric ? Number(draft[key]) : draft[key].trim();
        if (value !== saved[key]) patch[key] = value;
      }
    setError(null);
    if (Object.keys(patch).length === 0) return;
    try {
      show(await call('admin.settings.update', patch as Partial<SettingsValues>));
      toast.success(t('settings.saved'));
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div className="screen">
      <Toolbar title={t('nav.admin.settings')} info={null}>
        {null}
      </Toolbar>
      <FormMessage>{error}</FormMessage>
      {draft && (
        <Form onSubmit={save} className="settings-form" aria-label={t('nav.admin.settings')}>
          {GROUPS.map((g) => (
            <fieldset key={g.title} className="settings-group">
              <legend>{t(g.title)}</legend>
              {g.keys.map(({ key, numeric, yesNo }) =>
                yesNo ? (
                  <SelectField
                    key={key}
                    label={t(labelKey(key))}
                    hint={t(hintKey(key))}
                    value={draft[key] === 'true' ? 'true' : 'false'}
                    options={[
                      { value: 'false', label: t(`settings.${key}.off` as MessageKey) },
                      { value: 'true', label: t(`settings.${key}.on` as MessageKey) },
                    ]}
                    onChange={(v) => setDraft({ ...draft, [key]: v })}
                  />
                ) : (
                  <TextField
                    key={key}
                    label={t(labelKey(key))}
                    hint={t(hintKey(key))}
                    value={draft[key]}
                    inputMode={numeric ? 'numeric' : undefined}
                    // Left empty, the area code is the city's: shown greyed, following the city as it is typed.
                    placeholder={key === 'dealer.areaCode' ? areaCodeOfCity(draft['dealer.city']) : undefined}
                    onChange={(v) => setDraft({ ...draft, [key]: v })}
                  />
                ),
              )}
            </fieldset>
          ))}
          <FormActions>
            <Button type="submit" variant="primary">
              {t('settings.save')}
            </Button>
          </FormActions>
        </Form>
      )}
      <SmsSettingsPanel />
    </div>
  );
}
