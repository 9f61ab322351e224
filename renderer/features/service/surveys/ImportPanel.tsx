import { useState, type ReactNode } from 'react';
import type { ImportReport } from '../../../../electron/common/api/service-visits';
import { call, upload } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Button, FormMessage, Table } from '../../../ui';
import { problemsText } from '../../../ui/errors';

/**
 * One file import (.xlsx / .csv): pick, import, then the answer — rows saved, already there, and
 * each bad row with its row number and reason (nothing of a bad row is saved).
 */
export function ImportPanel({
  method,
  hint,
  onImported,
  testId,
  assigneeId,
  children,
}: {
  method: 'surveys.import' | 'serviceVisits.import';
  hint: string;
  onImported?: () => void;
  testId: string;
  /** surveys.import: who gets the low-score follow-ups. */
  assigneeId?: number | null;
  /** Options shown before the file button (e.g. the follow-ups' agent). */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<(ImportReport & { lowScoreTasks?: number }) | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const go = async () => {
    if (!file) return;
    setBusy(true);
    setMessage(null);
    setReport(null);
    try {
      const input = { uploadId: await upload(file) };
      setReport(method === 'surveys.import' ? await call('surveys.import', { ...input, assigneeId: assigneeId ?? null }) : await call('serviceVisits.import', input));
      onImported?.();
    } catch (e) {
      setMessage(problemsText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="care-import" data-testid={testId}>
      <div className="care-import-row">
        {children}
        {/* The browser's own file button speaks the browser's language: ours says 选择文件 in the app's. */}
        <label className="care-file">
          <input type="file" accept=".xlsx,.csv" aria-label={t('care.import.file')} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <span className="btn btn-default">{t('care.import.pick')}</span>
        </label>
        <span>{file ? file.name : t('care.import.none')}</span>
        <Button variant="primary" busy={busy} disabled={!file} onClick={() => void go()} data-testid={`${testId}-go`}>
          {t('care.import.go')}
        </Button>
        <span className="care-muted">{hint}</span>
      </div>
      <FormMessage>{message}</FormMessage>
      {report && (
        <div className="care-report" data-testid={`${testId}-report`}>
          <p>
            {t('care.import.summary', { rows: report.rows, saved: report.saved, existing: report.existing, bad: report.badCount })}
            {report.lowScoreTasks !== undefined ? ` ${t('care.import.lowScore', { n: report.lowScoreTasks })}` : ''}
          </p>
          {report.bad.length > 0 && (
            <Table
              aria-label={t('care.import.bad')}
              columns={[
                { key: 'row', header: t('care.import.row'), align: 'right', render: (r: { row: number; reason: string }) => r.row },
                { key: 'reason', header: t('care.import.reason'), render: (r: { row: number; reason: string }) => r.reason },
              ]}
              rows={report.bad}
              rowKey={(r) => String(r.row)}
            />
          )}
        </div>
      )}
    </div>
  );
}
