import { useState } from 'react';
import type { ImportBatchRow, ImportUndoResult } from '../../../electron/common/api/data-import';
import { call } from '../../api';
import { formatDateTime } from '../../i18n';
import { usePrefixedT } from '../../i18n/react';
import { Button, Dialog, FormActions, Table, useToast } from '../../ui';
import { errorText } from '../../ui/errors';

const UNDOABLE = new Set(['done', 'cancelled', 'interrupted', 'failed']);

/** The last imports with their counts; 撤销导入 on a finished one (refused with the list of customers changed since). */
export function ImportHistory({ rows, onChanged }: { rows: ImportBatchRow[]; onChanged: () => void }) {
  const tx = usePrefixedT('import.');
  const toast = useToast();
  const [busy, setBusy] = useState<number | null>(null);
  const [blocked, setBlocked] = useState<ImportUndoResult | null>(null);
  const undo = async (b: ImportBatchRow) => {
    if (!window.confirm(tx('undo.confirm', { file: b.fileName }))) return;
    setBusy(b.id);
    try {
      const r = await call('dataImport.undo', { batchId: b.id });
      if (r.undone) toast.show(tx('undo.done', { count: r.customers }));
      else setBlocked(r);
      onChanged();
    } catch (e) {
      toast.show(errorText(e), 'error');
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Table
        aria-label={tx('history')}
        rowKey={(r) => r.id}
        rows={rows}
        empty={tx('history.none')}
        rowProps={(r) => ({ 'data-testid': `import-batch-${r.id}` })}
        columns={[
          { key: 'at', header: tx('col.at'), render: (r) => formatDateTime(r.createdAt), nowrap: true, width: 150 },
          { key: 'kind', header: tx('col.kind'), render: (r) => tx(`kind.short.${r.kind}`), width: 80, nowrap: true },
          { key: 'file', header: tx('col.file'), render: (r) => r.fileName },
          { key: 'status', header: tx('col.status'), render: (r) => tx(`status.${r.status}`), width: 80, nowrap: true },
          { key: 'created', header: tx('col.created'), render: (r) => r.created.toLocaleString(), align: 'right', width: 70 },
          { key: 'updated', header: tx('col.updated'), render: (r) => r.updated.toLocaleString(), align: 'right', width: 70 },
          { key: 'skipped', header: tx('col.skipped'), render: (r) => r.skipped.toLocaleString(), align: 'right', width: 70 },
          { key: 'bad', header: tx('col.bad'), render: (r) => r.bad.toLocaleString(), align: 'right', width: 70 },
          { key: 'by', header: tx('col.by.user'), render: (r) => r.createdBy, width: 90 },
          {
            key: 'undo',
            header: '',
            width: 100,
            render: (r) =>
              UNDOABLE.has(r.status) && (r.created > 0 || r.updated > 0) ? (
                <Button size="small" busy={busy === r.id} onClick={() => void undo(r)} data-testid={`import-undo-${r.id}`}>
                  {tx('undo')}
                </Button>
              ) : null,
          },
        ]}
      />
      {blocked && (
        <Dialog title={tx('undo')} onClose={() => setBlocked(null)}>
          <p className="form-message is-error" role="alert" data-testid="import-undo-blocked">
            {tx('undo.blocked', { count: blocked.blockedCount })}
          </p>
          <Table
            aria-label={tx('undo')}
            rowKey={(r) => r.customerId}
            rows={blocked.blocked}
            columns={[
              { key: 'name', header: tx('col.customer'), render: (r) => r.name },
              { key: 'reason', header: tx('col.reason'), render: (r) => r.reason },
            ]}
          />
          <FormActions>
            <Button onClick={() => setBlocked(null)}>{tx('close')}</Button>
          </FormActions>
        </Dialog>
      )}
    </>
  );
}
