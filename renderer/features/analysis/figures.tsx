import type { Bucket, Figure } from '../../../electron/common/api/analysis';
import { Table, type Column } from '../../ui';
import { usePrefixedT } from '../../i18n/react';

/** What a click on a number asks for: its name (the dialog's title) and the figure. */
export type OpenFigure = (item: string, fig: Figure, compared?: boolean) => void;

/** A percentage, or "—" when there is nothing to divide by (never 0 % or NaN). */
export const pctText = (v: number | null) => (v === null ? '—' : `${v.toLocaleString()}%`);
export const changeText = (v: number | null) => (v === null ? '—' : `${v > 0 ? '↑ +' : v < 0 ? '↓ ' : ''}${v.toLocaleString()}%`);

/** A number that opens its records. */
export function FigureLink({ item, fig, open, testId, compared }: { item: string; fig: Figure; open: OpenFigure; testId?: string; compared?: boolean }) {
  const t = usePrefixedT('an.');
  return (
    <button type="button" className="link-button" data-testid={testId} title={t('drill.hint')} onClick={() => open(item, fig, compared)} style={{ background: 'none', border: 0, padding: 0, color: 'var(--c-link, #1f5fa8)', cursor: 'pointer', textDecoration: 'underline', font: 'inherit' }}>
      {fig.value.toLocaleString()}
    </button>
  );
}

/** The table beside a chart: item, this period, the compared period, share and change — each count a link. */
export function BreakdownTable({ name, buckets, label, open, compared }: { name: string; buckets: Bucket[]; label: (b: Bucket) => string; open: OpenFigure; compared: boolean }) {
  const t = usePrefixedT('an.');
  const columns: Column<Bucket>[] = [
    { key: 'item', header: t('col.item'), render: label },
    { key: 'current', header: t('col.current'), align: 'right', render: (b) => <FigureLink item={label(b)} fig={b.current} open={open} testId={`${name}-${b.key ?? 'null'}`} /> },
    { key: 'share', header: t('col.share'), align: 'right', render: (b) => pctText(b.share) },
  ];
  if (compared) {
    columns.push(
      { key: 'previous', header: t('col.previous'), align: 'right', render: (b) => (b.previous ? <FigureLink item={label(b)} fig={b.previous} open={open} compared testId={`${name}-${b.key ?? 'null'}-prev`} /> : '—') },
      { key: 'change', header: t('col.change'), align: 'right', nowrap: true, render: (b) => changeText(b.change) },
    );
  }
  return <Table aria-label={name} columns={columns} rows={buckets} rowKey={(b) => String(b.key)} empty={t('traffic.empty')} />;
}
