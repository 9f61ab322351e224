import { useCallback, useEffect, useState } from 'react';
import { importKindsOf, MATCH_MODES_OF, type ImportBatchRow, type ImportKind, type ImportMapping, type ImportPreview, type MatchMode } from '../../../electron/common/api/data-import';
import { IMPORT_ENCODINGS, type ImportEncoding } from '../../../electron/common/api/import-file';
import { call, onEvent, upload } from '../../api';
import { useSessionInfo } from '../auth';
import { usePrefixedT } from '../../i18n/react';
import { Button, Toolbar, useToast } from '../../ui';
import { errorText, problemsText } from '../../ui/errors';
import { download } from '../../ui/grid/ExportButton';
import { ImportHistory } from './ImportHistory';
import { MappingTable } from './MappingTable';
import { BadRowsTable, MatchesTable, SampleTable } from './PreviewTables';
import { SavedMappings } from './SavedMappings';
import './data-import.css';

const ENCODING_LABEL: Record<ImportEncoding, string | null> = { auto: null, 'utf-8': 'UTF-8', gb18030: null, 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE' };

/**
 * 系统管理 → 数据导入: choose what to import (客户, 销售机会, 维修工单) and a file (and its encoding when
 * the detection guessed wrong), check the column mapping, read the preview — the rows as stored,
 * every bad row, the rows matching records already here — choose what a match does and who owns the
 * new customers, run with a progress bar and a cancel, and undo a whole import from the list below.
 */
export function ImportScreen() {
  const tx = usePrefixedT('import.');
  const toast = useToast();
  const kinds = importKindsOf(useSessionInfo().user.role);
  const [kind, setKind] = useState<ImportKind>('customers');
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<ImportEncoding>('auto');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [matchMode, setMatchMode] = useState<MatchMode>('skip');
  const [owners, setOwners] = useState<{ id: number; name: string }[]>([]);
  const [ownerId, setOwnerId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState<ImportBatchRow | null>(null);
  const [history, setHistory] = useState<ImportBatchRow[]>([]);

  const reload = useCallback(() => {
    call('dataImport.list', {})
      .then((rows) => {
        setHistory(rows);
        setRunning((r) => rows.find((b) => b.status === 'running') ?? (r && rows.find((b) => b.id === r.id)) ?? null);
      })
      .catch((e) => setError(errorText(e)));
  }, []);
  useEffect(() => {
    reload();
    call('customers.assignableOwners', {})
      .then(setOwners)
      .catch(() => setOwners([]));
    return onEvent('dataImport.progress', (b) => {
      setRunning(b);
      if (b.status !== 'running') reload();
    });
  }, [reload]);

  const runPreview = async (opts: { again: boolean; mapping?: ImportMapping }) => {
    setBusy(true);
    setError(null);
    try {
      const source = opts.again && preview ? { batchId: preview.batchId } : file ? { uploadId: await upload(file) } : null;
      if (!source) return;
      const p = await call('dataImport.preview', { kind, encoding, ...source, ...(opts.mapping ? { mapping: opts.mapping } : {}) });
      setPreview(p);
      setMapping(p.mapping);
    } catch (e) {
      setError(problemsText(e));
      if (!opts.again) setPreview(null);
    } finally {
      setBusy(false);
    }
  };

  const start = async () => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      setRunning(await call('dataImport.start', { batchId: preview.batchId, mapping, matchMode, defaultOwnerId: ownerId }));
      setPreview(null);
      setFile(null);
      reload();
    } catch (e) {
      setError(problemsText(e));
    } finally {
      setBusy(false);
    }
  };

  const template = async () => {
    try {
      const r = await call('dataImport.template', { kind });
      download(r.fileName, r.base64);
    } catch (e) {
      toast.show(errorText(e), 'error');
    }
  };

  const changed = preview !== null && JSON.stringify(mapping) !== JSON.stringify(preview.mapping);
  const missing = preview ? preview.missing.map((f) => tx(`field.${f}`)).join('、') : '';
  const isRunning = running?.status === 'running';
  return (
    <div className="screen import-screen" data-testid="import-screen">
      <Toolbar title={tx(`kind.${kind}`)}>
        <label>
          {tx('kind')}{' '}
          <select
            className="input"
            value={kind}
            disabled={busy || isRunning}
            onChange={(e) => (setKind(e.target.value as ImportKind), setPreview(null), setMatchMode('skip'), setError(null))}
            data-testid="import-kind"
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {tx(`kind.short.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <Button size="small" onClick={() => void template()} data-testid="import-template">
          {tx('template')}
        </Button>
      </Toolbar>
      <div className="import-body">
        <p className="hint" data-testid="import-kind-hint">
          {tx(`kind.hint.${kind}`)}
        </p>
        <div className="import-pick">
          <label className="care-file">
            <input type="file" accept=".xlsx,.csv,.txt" aria-label={tx('pick.label')} data-testid="import-file" onChange={(e) => (setFile(e.target.files?.[0] ?? null), setPreview(null))} />
            <span className="btn btn-default">{tx('pick')}</span>
          </label>
          <span>{file ? file.name : tx('pick.none')}</span>
          <label>
            {tx('encoding')}{' '}
            <select className="input" value={encoding} onChange={(e) => setEncoding(e.target.value as ImportEncoding)} data-testid="import-encoding">
              {IMPORT_ENCODINGS.map((enc) => (
                <option key={enc} value={enc}>
                  {ENCODING_LABEL[enc] ?? tx(`encoding.${enc as 'auto' | 'gb18030'}`)}
                </option>
              ))}
            </select>
          </label>
          <Button variant="primary" busy={busy && !preview} disabled={!file || isRunning} onClick={() => void runPreview({ again: false })} data-testid="import-preview">
            {tx('preview')}
          </Button>
        </div>
        {error && (
          <p className="form-message is-error" role="alert" data-testid="import-error">
            {error}
          </p>
        )}
        {isRunning && running && <Progress batch={running} />}
        {preview && (
          <section className="import-preview" data-testid="import-summary-section">
            <p className="import-summary" data-testid="import-summary">
              {tx(`summary.${preview.kind}`, {
                file: preview.fileName,
                readAs: preview.readAs,
                rows: preview.rows,
                new: preview.newRows,
                newCustomers: preview.newCustomers ?? 0,
                match: preview.matchRows,
                bad: preview.badRows,
              })}
            </p>
            <h3>{tx('step.mapping')}</h3>
            <SavedMappings kind={preview.kind} header={preview.header} mapping={mapping} onPick={(m) => void runPreview({ again: true, mapping: m })} />
            <MappingTable kind={preview.kind} header={preview.header} mapping={mapping} onChange={setMapping} />
            {(changed || encoding !== 'auto') && (
              <Button size="small" busy={busy} onClick={() => void runPreview({ again: true, mapping })} data-testid="import-repreview">
                {tx('repreview')}
              </Button>
            )}
            {preview.missing.length > 0 ? (
              <p className="form-message is-error">{tx('mapping.missing', { fields: missing })}</p>
            ) : (
              <>
                <h3>{tx('step.sample')}</h3>
                <SampleTable preview={preview} />
                <h3>{tx('step.bad')}</h3>
                <BadRowsTable preview={preview} />
                <h3>{tx(`step.matches.${preview.kind}`)}</h3>
                <MatchesTable preview={preview} />
                <h3>{tx('step.run')}</h3>
                <fieldset className="import-options">
                  <legend>{tx('matchMode')}</legend>
                  {MATCH_MODES_OF[preview.kind].map((m) => (
                    <label key={m}>
                      <input type="radio" name="import-match" checked={matchMode === m} onChange={() => setMatchMode(m)} data-testid={`import-mode-${m}`} />{' '}
                      {preview.kind === 'customers' ? tx(`matchMode.${m}`) : tx(`matchMode.${preview.kind}.${m as 'skip'}`)}
                    </label>
                  ))}
                </fieldset>
                {preview.kind !== 'repairOrders' && (
                <label className="import-owner">
                  {tx('owner')}{' '}
                  <select className="input" value={ownerId ?? ''} onChange={(e) => setOwnerId(e.target.value ? Number(e.target.value) : null)} data-testid="import-owner">
                    <option value="">{tx('owner.none')}</option>
                    {owners.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </select>
                </label>
                )}
                <div>
                  <Button variant="primary" busy={busy} disabled={changed || isRunning} onClick={() => void start()} data-testid="import-start">
                    {tx('start')}
                  </Button>
                </div>
              </>
            )}
          </section>
        )}
        <h3>{tx('history')}</h3>
        <ImportHistory rows={history} onChanged={reload} />
      </div>
    </div>
  );
}

/** The running import: a bar, the counts so far, and 取消 (the batch in hand finishes; what is done stays, undo-able). */
function Progress({ batch }: { batch: ImportBatchRow }) {
  const tx = usePrefixedT('import.');
  const [cancelling, setCancelling] = useState(false);
  return (
    <div className="import-progress" data-testid="import-progress">
      <progress max={batch.rowsTotal || 1} value={batch.rowsDone} />
      <span>{tx('progress', { done: batch.rowsDone, total: batch.rowsTotal, created: batch.created, updated: batch.updated, skipped: batch.skipped, bad: batch.bad })}</span>
      <Button size="small" busy={cancelling} onClick={() => (setCancelling(true), void call('dataImport.cancel', { batchId: batch.id }))} data-testid="import-cancel">
        {tx('cancel')}
      </Button>
    </div>
  );
}
