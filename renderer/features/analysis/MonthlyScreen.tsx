import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { GridSelectionQuery } from '../../../electron/common/api/grid';
import type { MonthlyReport } from '../../../electron/common/api/analysis-monthly';
import { localToday } from '../../../electron/common/dates';
import { call } from '../../api';
import { usePrefixedT } from '../../i18n/react';
import { Button, Toolbar } from '../../ui';
import { DrillDownDialog, type DrillSource } from '../../ui/DrillDownDialog';
import { download } from '../../ui/grid/ExportButton';
import { errorText } from '../../ui/errors';
import { useLoad } from '../../ui/use-load';
import { useSessionInfo } from '../auth';
import { MonthlyReportView } from './MonthlyReportView';
import './monthly-print.css';

interface Drill {
  title: string;
  drills: DrillSource[];
}

/**
 * 决策分析 → 关键指标 · 总经理月报: one page for a calendar month with each section's headline
 * numbers (the sections the user's role may see), the arrow against last month and last month's
 * figure; every value opens its records. 导出 Excel asks the server for the workbook (export
 * permission, audited); 打印 prints a plain copy of the page kept outside the shell (monthly-print.css:
 * A4 portrait, a section never split across pages). Nothing is counted here.
 */
export function MonthlyScreen() {
  const t = usePrefixedT('an.');
  const m = usePrefixedT('anm.');
  const s = usePrefixedT('anms.');
  const session = useSessionInfo();
  const [month, setMonth] = useState<string | null>(null);
  const [report, setReport] = useState<MonthlyReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  // What the last export said: the file's name (worded in the current language when shown) or the error.
  const [message, setMessage] = useState<{ file: string } | { error: string } | null>(null);
  const [exporting, setExporting] = useState(false);
  const [drill, setDrill] = useState<Drill | null>(null);

  // The dealer's today (the server's clock and zone), not the PC's.
  useLoad(
    () => call('showroom.today', {}),
    [],
    (r) => setMonth(r.date.slice(0, 7)),
    () => setMonth(localToday().slice(0, 7)),
  );
  useLoad(
    month
      ? () => {
          setError(null);
          return call('analysis.monthly.get', { month });
        }
      : null,
    [month],
    setReport,
    (e) => setError(errorText(e)),
  );
  useEffect(() => setMessage(null), [month]);

  const tabLabel = (q: GridSelectionQuery) =>
    q.dataset === 'walkInBatches' ? t('drill.walkIns') : q.dataset === 'showroomVisits' ? t('drill.visits') : q.dataset === 'opportunities' ? s('drill.opportunities') : undefined;
  const open = (label: string, drills: GridSelectionQuery[]) =>
    report && setDrill({ title: t('drill.title', { item: label, range: t('period.range', { from: report.range.from, to: report.range.to }) }), drills: drills.map((query) => ({ query, label: tabLabel(query) })) });

  const exportXlsx = async () => {
    if (!month) return;
    setExporting(true);
    setMessage(null);
    try {
      const r = await call('analysis.monthly.xlsx', { month });
      download(r.fileName, r.base64);
      setMessage({ file: r.fileName });
    } catch (e) {
      setMessage({ error: errorText(e) });
    } finally {
      setExporting(false);
    }
  };

  const title = report ? `${m('title')} · ${m('monthLabel', { month: report.month, previous: report.previousRange.from.slice(0, 7) })}` : m('title');
  return (
    <div className="monthly-screen" data-testid="monthly-screen">
      <Toolbar title={title}>
        <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
          {s('month')}
          <input type="month" value={month ?? ''} data-testid="monthly-month" onChange={(e) => e.target.value && setMonth(e.target.value)} />
        </label>
        {session.permissions.includes('export') && (
          <Button size="small" busy={exporting} disabled={!report} onClick={() => void exportXlsx()} data-testid="monthly-export">
            {s('exportXlsx')}
          </Button>
        )}
        <Button size="small" disabled={!report} onClick={() => window.print()} data-testid="monthly-print">
          {s('print')}
        </Button>
      </Toolbar>
      <div style={{ padding: '0 12px' }}>
        <span className="hint">{t('drill.hint')}</span>
        {message && (
          <p className={`form-message${'error' in message ? ' is-error' : ''}`} role="status" data-testid="monthly-message">
            {'file' in message ? s('exported', { file: message.file }) : message.error}
          </p>
        )}
        {error && (
          <p className="form-message is-error" role="alert">
            {error}
          </p>
        )}
        {!report && !error && <p className="hint">{s('loading')}</p>}
        {report && (report.sections.length ? <MonthlyReportView report={report} open={open} /> : <p className="hint">{s('empty')}</p>)}
      </div>
      {report &&
        createPortal(
          <div className="monthly-print-root" aria-hidden="true">
            <h1>{m('title')}</h1>
            <p>{m('monthLabel', { month: report.month, previous: report.previousRange.from.slice(0, 7) })}</p>
            <MonthlyReportView report={report} />
          </div>,
          document.body,
        )}
      {drill && <DrillDownDialog title={drill.title} drills={drill.drills} onClose={() => setDrill(null)} />}
    </div>
  );
}
