import type { ImportPreview } from '../../../electron/common/api/data-import';
import { usePrefixedT } from '../../i18n/react';
import { Table } from '../../ui';
import { useNavigation } from '../../shell/navigation';

/** The first rows as they will be stored, in the mapped fields' order. */
export function SampleTable({ preview }: { preview: ImportPreview }) {
  const tx = usePrefixedT('import.');
  const bad = new Set(preview.bad.map((b) => b.row));
  const fields = (Object.keys(preview.mapping) as (keyof ImportPreview['mapping'])[]).sort((a, b) => preview.mapping[a]! - preview.mapping[b]!);
  return (
    <Table
      aria-label={tx('step.sample')}
      rowKey={(r) => r.row}
      rows={preview.sample}
      rowProps={(r) => ({ className: bad.has(r.row) ? 'import-bad-row' : undefined })}
      columns={[
        { key: 'row', header: tx('col.row'), render: (r) => r.row, width: 56, align: 'right' },
        ...fields.map((f) => ({ key: f, header: tx(`field.${f}`), render: (r: ImportPreview['sample'][number]) => r.values[f] ?? '', nowrap: true })),
      ]}
    />
  );
}

/** Every bad row (up to 1,000 problems) with its row, column and reason: what to fix in the file. */
export function BadRowsTable({ preview }: { preview: ImportPreview }) {
  const tx = usePrefixedT('import.');
  return (
    <>
      {preview.badRows > preview.bad.length && <p className="hint">{tx('bad.more', { count: preview.badRows, shown: preview.bad.length })}</p>}
      <Table
        aria-label={tx('step.bad')}
        rowKey={(r) => `${r.row}-${r.field}-${r.reason}`}
        rows={preview.bad}
        empty={tx('bad.none')}
        rowProps={() => ({ 'data-testid': 'import-bad' })}
        columns={[
          { key: 'row', header: tx('col.row'), render: (r) => r.row, width: 56, align: 'right' },
          { key: 'column', header: tx('col.column'), render: (r) => r.column ?? '', width: 48 },
          { key: 'field', header: tx('mapping.field'), render: (r) => (r.field ? tx(`field.${r.field}`) : ''), width: 140 },
          { key: 'reason', header: tx('col.reason'), render: (r) => r.reason },
        ]}
      />
    </>
  );
}

/** Rows that are a customer already here (or an earlier row of the file), each opening that customer where the user may. */
export function MatchesTable({ preview }: { preview: ImportPreview }) {
  const tx = usePrefixedT('import.');
  const { openCustomer } = useNavigation();
  return (
    <>
      {preview.matchRows > preview.matches.length && <p className="hint">{tx('matches.more', { count: preview.matchRows, shown: preview.matches.length })}</p>}
      <Table
        aria-label={tx(`step.matches.${preview.kind}`)}
        rowKey={(r) => r.row}
        rows={preview.matches}
        empty={tx('matches.none')}
        rowProps={() => ({ 'data-testid': 'import-match' })}
        columns={[
          { key: 'row', header: tx('col.row'), render: (r) => r.row, width: 56, align: 'right' },
          { key: 'by', header: tx('col.by'), render: (r) => tx(`by.${r.by}`), width: 90 },
          { key: 'value', header: tx('col.value'), render: (r) => r.value, nowrap: true },
          {
            key: 'customer',
            header: tx('col.customer'),
            render: (r) =>
              r.fileRow !== null ? (
                tx('match.fileRow', { row: r.fileRow })
              ) : r.canOpen && r.customerId !== null ? (
                <button type="button" className="link" onClick={() => openCustomer(r.customerId!, r.name)}>
                  {r.name}
                </button>
              ) : (
                r.name
              ),
          },
        ]}
      />
    </>
  );
}
