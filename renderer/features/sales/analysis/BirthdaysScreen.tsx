import { useCallback, useState } from 'react';
import type { Scope } from '../../../../electron/common/api/grid';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { useNavigation } from '../../../shell/navigation';
import { FormMessage, Toolbar } from '../../../ui';
import { ScopePicker, SessionDataGrid, useScopes } from '../../../ui/grid';
import { errorText } from '../../../ui/errors';
import { useLoad } from '../../../ui/use-load';

type Range = 'today' | 'week';
const PRESET: Record<Range, string> = { today: 'birthdaysToday', week: 'birthdaysWeek' };
const COLUMNS = ['birthdayMd', 'name', 'phone', 'birthday', 'city', 'ownerName'];
// by day of the year, so today's and tomorrow's come first
const SORT = [{ col: 'birthdayMd', dir: 'asc' as const }];

/**
 * 生日提醒: customers with a birthday today or this week (Monday–Sunday in the dealer's time zone),
 * on the DataGrid (the customers list with the server's birthday rule pinned), so they can be
 * sorted, filtered, exported and selected for a greeting; a row opens the card.
 */
export function BirthdaysScreen() {
  const { t } = useI18n();
  const { openCustomer } = useNavigation();
  const scopes = useScopes();
  const [range, setRange] = useState<Range>('today');
  const [scope, setScope] = useState<Scope>('mine');
  const [days, setDays] = useState<{ from: string; to: string; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  // The days the rule covers, as the server counts them, for the heading.
  useLoad(
    () => {
      setError(null);
      return call('sales.birthdays.list', { range, scope, limit: 1 });
    },
    [range, scope],
    (d) => setDays({ from: d.from, to: d.to, total: d.total }),
    (e) => setError(errorText(e)),
  );

  const onOpenRow = useCallback(
    (row: Record<string, unknown>) => {
      const id = Number(row.id);
      if (Number.isInteger(id) && id > 0) openCustomer(id, typeof row.name === 'string' ? row.name : undefined);
    },
    [openCustomer],
  );

  return (
    <div className="screen screen-fill" data-testid="birthdays-screen">
      <Toolbar title={t('nav.sales.birthdays')} info={days ? t('sa.birthdays.info', { from: days.from, to: days.to, n: days.total.toLocaleString() }) : undefined}>
        <span className="seg" role="radiogroup" aria-label={t('nav.sales.birthdays')}>
          {(['today', 'week'] as const).map((r) => (
            <button key={r} type="button" role="radio" aria-checked={range === r} className={`seg-btn${range === r ? ' is-active' : ''}`} onClick={() => setRange(r)}>
              {t(`sa.birthdays.${r}`)}
            </button>
          ))}
        </span>
        <ScopePicker scopes={scopes} value={scope} onChange={setScope} />
      </Toolbar>
      <FormMessage>{error}</FormMessage>
      <SessionDataGrid
        dataset="customers"
        scope={scope}
        preset={PRESET[range]}
        initialColumns={COLUMNS}
        initialSort={SORT}
        onOpenRow={onOpenRow}
        scopes={scopes}
        onScopeChange={setScope}
      />
    </div>
  );
}
