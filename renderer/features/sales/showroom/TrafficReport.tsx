import { useEffect, useState } from 'react';
import type { TrafficConsultantMonth, TrafficDayRow, TrafficReport as Report } from '../../../../electron/common/api/showroom';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Button, FormMessage, Table, TextField, type Column } from '../../../ui';
import { errorText } from '../../../ui/errors';
import { useLoad } from '../../../ui/use-load';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** 日报: walk-ins and registered visits per day and consultant, and each consultant's month rates. */
export function TrafficReport({ month: initial, refreshKey }: { month: string; refreshKey: number }) {
  const { t } = useI18n();
  const [month, setMonth] = useState(initial);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => setMonth(initial), [initial]);
  useLoad(
    /^\d{4}-\d{2}$/.test(month) ? () => call('showroom.traffic.daily', { month }) : null,
    [month, refreshKey, reload],
    (r) => {
      setReport(r);
      setError(null);
    },
    (e) => setError(errorText(e)),
  );

  const dayCols: Column<TrafficDayRow>[] = [
    { key: 'date', header: t('showroom.r.date'), render: (r) => r.date, nowrap: true },
    { key: 'consultant', header: t('showroom.r.consultant'), render: (r) => r.consultantName },
    { key: 'walkIns', header: t('showroom.r.walkIns'), render: (r) => r.walkIns, align: 'right' },
    { key: 'firstVisits', header: t('showroom.r.firstVisits'), render: (r) => r.firstVisits, align: 'right' },
    { key: 'returnVisits', header: t('showroom.r.returnVisits'), render: (r) => r.returnVisits, align: 'right' },
    { key: 'newProspects', header: t('showroom.r.newProspects'), render: (r) => r.newProspects, align: 'right' },
    { key: 'traffic', header: t('showroom.r.traffic'), render: (r) => r.traffic, align: 'right' },
  ];
  const rateCols: Column<TrafficConsultantMonth>[] = [
    { key: 'consultant', header: t('showroom.r.consultant'), render: (r) => r.consultantName },
    { key: 'walkIns', header: t('showroom.r.walkIns'), render: (r) => r.walkIns, align: 'right' },
    { key: 'newProspects', header: t('showroom.r.newProspects'), render: (r) => r.newProspects, align: 'right' },
    { key: 'returnVisits', header: t('showroom.r.returnVisits'), render: (r) => r.returnVisits, align: 'right' },
    { key: 'newSales', header: t('showroom.r.newSales'), render: (r) => r.newSales, align: 'right' },
    { key: 'registrationRate', header: t('showroom.r.registrationRate'), render: (r) => pct(r.registrationRate), align: 'right' },
    { key: 'closingRate', header: t('showroom.r.closingRate'), render: (r) => pct(r.closingRate), align: 'right' },
  ];
  const totalRow: TrafficConsultantMonth | null = report ? { consultantId: 0, consultantName: t('showroom.r.total'), ...report.total } : null;

  return (
    <div className="sr-report" data-testid="traffic-report">
      <div className="sr-row">
        <TextField label={t('showroom.r.month')} type="month" value={month} onChange={setMonth} name="month" />
        <Button onClick={() => setReload((n) => n + 1)}>{t('common.refresh')}</Button>
      </div>
      <FormMessage>{error}</FormMessage>
      <h3 className="sr-h">{t('showroom.r.rates')}</h3>
      <p className="sr-muted">{t('showroom.r.ratesHint')}</p>
      <div data-testid="traffic-rates">
        <Table columns={rateCols} rows={report && totalRow ? [...report.consultants, totalRow] : []} rowKey={(r) => r.consultantId} empty={t('showroom.r.empty')} aria-label={t('showroom.r.rates')} />
      </div>
      <h3 className="sr-h">{t('showroom.r.daily')}</h3>
      <div data-testid="traffic-daily">
        <Table columns={dayCols} rows={report?.rows ?? []} rowKey={(r) => `${r.date}|${r.consultantId}`} empty={t('showroom.r.empty')} aria-label={t('showroom.r.daily')} />
      </div>
    </div>
  );
}
