import { useEffect, useState } from 'react';
import type { Scope } from '../../../../electron/common/api/grid';
import type { BirthdayRow } from '../../../../electron/common/api/sales-analysis';
import { call, isApiError } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { useNavigation } from '../../../shell/navigation';
import { Table, Toolbar, type Column } from '../../../ui';
import { ScopePicker, useScopes } from './ScopePicker';

type Range = 'today' | 'week';

/** 生日提醒: customers with a birthday today or this week (Monday–Sunday), a click opens the card. */
export function BirthdaysScreen() {
  const { t } = useI18n();
  const { openCustomer } = useNavigation();
  const scopes = useScopes();
  const [range, setRange] = useState<Range>('today');
  const [scope, setScope] = useState<Scope>('mine');
  const [data, setData] = useState<{ from: string; to: string; rows: BirthdayRow[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    call('sales.birthdays.list', { range, scope })
      .then((d) => live && setData(d))
      .catch((e: unknown) => live && setError(isApiError(e) ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [range, scope]);

  const columns: Column<BirthdayRow>[] = [
    {
      key: 'name',
      header: t('sa.customer'),
      render: (r) => (
        <button type="button" className="link" onClick={() => openCustomer(r.customerId, r.name)}>
          {r.name}
        </button>
      ),
    },
    { key: 'day', header: t('sa.birthdays.day'), nowrap: true, render: (r) => r.day },
    { key: 'birthday', header: t('sa.birthdays.birthday'), nowrap: true, render: (r) => r.birthday ?? r.birthdayMd },
    { key: 'phone', header: t('sa.phone'), nowrap: true, render: (r) => r.phone ?? '' },
    { key: 'owner', header: t('sa.owner'), render: (r) => r.ownerName ?? '' },
  ];

  return (
    <div className="screen screen-fill" data-testid="birthdays-screen">
      <Toolbar title={t('nav.sales.birthdays')} info={data ? t('sa.birthdays.info', { from: data.from, to: data.to, n: data.total.toLocaleString() }) : undefined}>
        <span className="seg" role="radiogroup" aria-label={t('nav.sales.birthdays')}>
          {(['today', 'week'] as const).map((r) => (
            <button key={r} type="button" role="radio" aria-checked={range === r} className={`seg-btn${range === r ? ' is-active' : ''}`} onClick={() => setRange(r)}>
              {t(`sa.birthdays.${r}`)}
            </button>
          ))}
        </span>
        <ScopePicker scopes={scopes} value={scope} onChange={setScope} />
      </Toolbar>
      {error && (
        <p className="form-message is-error" role="alert">
          {error}
        </p>
      )}
      {data && (
        <div style={{ padding: 12, overflow: 'auto' }}>
          <Table aria-label={t('nav.sales.birthdays')} columns={columns} rows={data.rows} rowKey={(r) => r.customerId} empty={t('sa.birthdays.none')} />
          {data.total > data.rows.length && <p className="hint">{t('sa.more', { shown: data.rows.length, n: data.total.toLocaleString() })}</p>}
        </div>
      )}
    </div>
  );
}
