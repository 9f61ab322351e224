import { useState } from 'react';
import type { AuditCheckResult, AuditTrendPoint, SelfAuditReport } from '../../../electron/common/api/self-audit';
import { EXPORT_MAX_ROWS, type Dataset } from '../../../electron/common/api/grid';
import { mayReadDataset } from '../../../electron/common/api/dataset-access';
import { call } from '../../api';
import { useI18n, usePrefixedT } from '../../i18n/react';
import { Button, FormMessage, Table, Toolbar, type Column } from '../../ui';
import { errorText } from '../../ui/errors';
import { SessionDataGrid } from '../../ui/grid';
import { useLoad } from '../../ui/use-load';
import { useNavigation } from '../../shell/navigation';
import { useSessionInfo } from '../auth';
import { TrendLine } from './TrendLine';

type Range = { from: string; to: string };

/**
 * What each data set shows of an offending record: the fields the rule looks at, and what opening
 * the row needs (the id its screen opens, the task's kind, the customer id for the card otherwise).
 */
const COLUMNS: Partial<Record<Dataset, string[]>> = {
  showroomVisits: ['visitDate', 'name', 'phone', 'consultantName', 'firstVisit', 'visitMode', 'interestedModel', 'visitAt', 'createdAt', 'customerId'],
  solicitationTasks: ['id', 'customerName', 'phone', 'status', 'assigneeName', 'createdAt', 'customerId'],
  revisitSales: ['id', 'customerName', 'phone', 'date', 'result', 'agentName', 'customerId'],
  revisitRepair: ['id', 'customerName', 'phone', 'roNumber', 'date', 'result', 'agentName', 'customerId'],
  serviceTasks: ['id', 'kind', 'customerName', 'dueDate', 'status', 'assigneeName', 'reason', 'notes', 'customerId'],
};

/**
 * 决策分析 → 审核自查: every check of the manufacturer's audit (reference/003) over a period — the
 * rule in the audit's words, the figure against its threshold, pass / fail and the nightly trend —
 * and, for the selected check, its failing records in the shared DataGrid on exactly the server's
 * query (`drill`), a row opening the record on its own screen to fix it (navigation's openRecord:
 * a visit's form in 展厅流量, the revisit form, …; the customer's card where there is none, and for
 * check 4, whose fix is the customer's consent). Nothing
 * is counted here.
 */
export function SelfAuditScreen() {
  const t = usePrefixedT('selfAudit.');
  const { locale, t: tr } = useI18n();
  const session = useSessionInfo();
  const { openRecord, openCustomer, openFiltered, mayOpen } = useNavigation();
  const [range, setRange] = useState<Range | null>(null);
  const [report, setReport] = useState<SelfAuditReport | null>(null);
  const [trend, setTrend] = useState<Partial<Record<string, AuditTrendPoint[]>>>({});
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useLoad(
    () => {
      setError(null);
      return call('selfAudit.checks', range ? { range } : {});
    },
    [range?.from, range?.to],
    setReport,
    (e) => setError(errorText(e)),
  );
  useLoad(() => call('selfAudit.trend', { days: 30 }), [], setTrend);


  const shown = range ?? report?.range ?? null;
  const setDay = (key: keyof Range, v: string) => {
    if (!shown || !v) return;
    const next = { ...shown, [key]: v };
    setRange(next.from <= next.to ? next : { from: v, to: v });
  };
  const current = report?.checks.find((c) => c.no === selected) ?? null;
  // Consent (4) is fixed on the customer (同意接收商业信息 on the card's form), not on the visit.
  const openRow = (c: AuditCheckResult, row: Record<string, unknown>) => {
    const customerId = Number(row.customerId);
    if (c.no === '4' && Number.isInteger(customerId) && customerId > 0) openCustomer(customerId, typeof row.name === 'string' ? row.name : undefined);
    else openRecord?.(c.drill!.dataset, row);
  };
  const pct = (v: number | null) => (v === null ? t('none') : `${v.toLocaleString(locale, { maximumFractionDigits: 1 })} %`);
  const rule = (c: AuditCheckResult) => (locale === 'en' ? c.rule.en : c.rule.zh);
  const reason = (c: AuditCheckResult) => (c.reason ? (locale === 'en' ? c.reason.en : c.reason.zh) : null);

  const columns: Column<AuditCheckResult>[] = [
    { key: 'no', header: t('col.no'), render: (c) => c.no, nowrap: true },
    {
      key: 'rule',
      header: t('col.rule'),
      render: (c) => (
        <>
          {rule(c)}
          {reason(c) && <div className="muted small">{reason(c)}</div>}
        </>
      ),
    },
    { key: 'figure', header: t('col.figure'), render: (c) => <span data-testid={`audit-figure-${c.no}`}>{pct(c.figure)}</span>, nowrap: true },
    { key: 'threshold', header: t('col.threshold'), render: (c) => `≥ ${c.threshold} %`, nowrap: true },
    { key: 'offending', header: t('col.offending'), render: (c) => `${c.numerator} / ${c.denominator}`, nowrap: true },
    { key: 'status', header: t('col.status'), render: (c) => <span className={`badge badge-${c.status === 'pass' ? 'ok' : c.status === 'fail' ? 'error' : 'muted'}`}>{t(`status.${c.status}`)}</span>, nowrap: true },
    { key: 'trend', header: t('col.trend'), render: (c) => (trend[c.code]?.length ? <TrendLine points={trend[c.code]!} /> : <span className="muted small">{t('noTrend')}</span>) },
  ];

  return (
    <div className="screen screen-fill self-audit" data-testid="self-audit-screen">
      <Toolbar title={tr('nav.analysis.selfAudit')}>
        {shown && (
          <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
            <label>
              {t('from')}{' '}
              <input type="date" className="input" style={{ width: 150 }} value={shown.from} onChange={(e) => setDay('from', e.target.value)} data-testid="audit-from" />
            </label>
            <label>
              {t('to')}{' '}
              <input type="date" className="input" style={{ width: 150 }} value={shown.to} onChange={(e) => setDay('to', e.target.value)} data-testid="audit-to" />
            </label>
            <Button size="small" onClick={() => setRange(null)} data-testid="audit-reset">
              {t('lastSixMonths')}
            </Button>
          </span>
        )}
      </Toolbar>
      <FormMessage>{error}</FormMessage>
      {report && (
        <>
          <p className="muted" style={{ margin: '4px 12px' }} data-testid="audit-period">
            {t('period', { from: report.range.from, to: report.range.to })}
          </p>
          <div style={{ overflow: 'auto', maxHeight: '45%', padding: '0 12px' }} data-testid="audit-checks">
            <Table
              columns={columns}
              rows={report.checks}
              rowKey={(c) => c.no}
              rowProps={(c) => ({
                'data-testid': `audit-check-${c.no}`,
                'data-status': c.status,
                'aria-selected': c.no === selected,
                onClick: () => setSelected(c.no),
                style: { cursor: 'pointer', background: c.no === selected ? 'var(--c-selected, #e6f0ff)' : undefined },
              })}
            />
          </div>
          <section style={{ flex: 1, minHeight: 300, display: 'flex', flexDirection: 'column', padding: '8px 12px', gap: 6 }} data-testid="audit-records">
            {!current ? (
              <p className="muted">{t('pick')}</p>
            ) : current.no === '8' && current.numerator > 0 ? (
              // The oversized exports are audit-log rows (no grid): the administrator opens the log on them.
              mayOpen?.('admin.audit') && openFiltered ? (
                <p>
                  <Button onClick={() => openFiltered('admin.audit', { from: report.range.from, to: report.range.to, minRows: EXPORT_MAX_ROWS })} data-testid="audit-open-log">
                    {t('openLog', { count: current.numerator })}
                  </Button>
                </p>
              ) : (
                <p className="muted">{t('logAdminOnly')}</p>
              )
            ) : !current.drill ? (
              <p className="muted">{t('noRecords')}</p>
            ) : !mayReadDataset(session.user.role, current.drill.dataset, current.drill.filter.preset) ? (
              <p className="muted">{t('notYours')}</p>
            ) : (
              <>
                <h3 style={{ margin: 0, fontSize: 14 }}>{t('records', { no: current.no, count: current.numerator })}</h3>
                <div style={{ flex: 1, minHeight: 280, display: 'flex', flexDirection: 'column' }} data-testid={`audit-grid-${current.drill.dataset}`}>
                  <SessionDataGrid
                    key={`${current.no}:${current.drill.filter.preset}`}
                    dataset={current.drill.dataset}
                    scope={current.drill.scope}
                    baseFilter={current.drill.filter.columns}
                    preset={current.drill.filter.preset}
                    initialColumns={COLUMNS[current.drill.dataset]}
                    onOpenRow={openRecord ? (row) => openRow(current, row) : undefined}
                  />
                </div>
              </>
            )}
          </section>
        </>
      )}
    </div>
  );
}
