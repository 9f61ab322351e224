import { useEffect, useRef, useState } from 'react';
import type { Dataset, GridFilter, GridSort, Scope } from '../../../electron/common/api/grid';
import { call, onEvent } from '../../api';
import { useI18n } from '../../i18n/react';
import { Button } from '../Button';
import { errorText } from '../errors';

/** A file the server made (base64) saved through the browser's download: the grid's export and 总经理月报's workbook. */
export function download(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
  const blob = new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The current view to .xlsx: progress from 'export.progress', then a download; the server's refusal is shown as is. */
export function ExportButton({ getQuery, onMessage }: {
  getQuery: () => { dataset: Dataset; scope: Scope; filter: GridFilter; columns: string[]; sort: GridSort[] };
  onMessage: (m: string | null) => void;
}) {
  const { t } = useI18n();
  const [progress, setProgress] = useState<number | null>(null);
  const idRef = useRef('');
  useEffect(
    () =>
      onEvent('export.progress', (ev) => {
        if (ev.exportId === idRef.current && ev.total > 0) setProgress(Math.min(1, ev.done / ev.total));
      }),
    [],
  );
  const run = async () => {
    idRef.current = `exp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    setProgress(0);
    onMessage(null);
    try {
      const r = await call('grid.export', { ...getQuery(), exportId: idRef.current });
      setProgress(1);
      download(r.fileName, r.base64);
      onMessage(t('grid.exported', { n: r.rows }));
    } catch (e) {
      onMessage(errorText(e));
    } finally {
      setTimeout(() => setProgress(null), 600);
    }
  };
  return (
    <span className="dg-export">
      <Button size="small" busy={progress !== null} onClick={() => void run()} data-testid="export-button">
        {t('grid.export')}
      </Button>
      {progress !== null && <progress max={1} value={progress} aria-label={t('grid.exportProgress')} />}
    </span>
  );
}
