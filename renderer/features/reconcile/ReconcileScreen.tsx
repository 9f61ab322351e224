import { useState } from 'react';
import type { OurVisit, ReconcileResult, TheirRow } from '../../../electron/common/api/reconcile';
import { localToday } from '../../../electron/common/dates';
import { call, upload } from '../../api';
import { usePrefixedT } from '../../i18n/react';
import { useNavigation } from '../../shell/navigation';
import { Button, FormMessage, Table, TextField, Toolbar, type Column } from '../../ui';
import { errorText } from '../../ui/errors';
import './reconcile.css';

type Tx = ReturnType<typeof usePrefixedT<'reconcile.'>>;

const yesNo = (tx: Tx, v: boolean | null) => (v === null ? '—' : tx(v ? 'yes' : 'no'));

/**
 * 厂家漏斗核对: the manufacturer's funnel export and a period → the three lists the auditor would
 * find: in both but different (with which field) first, then only in their export (a visit not
 * recorded here), only here, and in both and consistent. A row of ours opens the customer.
 */
export function ReconcileScreen() {
  const tx = usePrefixedT('reconcile.');
  const { openCustomer } = useNavigation();
  const today = localToday();
  const [file, setFile] = useState<File | null>(null);
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [r, setR] = useState<ReconcileResult | null>(null);

  const run = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setR(await call('reconcile.funnel', { uploadId: await upload(file), from, to }));
    } catch (e) {
      setError(errorText(e));
      setR(null);
    } finally {
      setBusy(false);
    }
  };

  const openButton = (v: OurVisit) =>
    v.customerId !== null && (
      <Button size="small" onClick={() => openCustomer(v.customerId!, v.name)}>
        {tx('open')}
      </Button>
    );
  const theirCols = <T,>(get: (x: T) => TheirRow): Column<T>[] => [
    { key: 'row', header: tx('col.row'), render: (x) => get(x).row, width: 70, align: 'right' },
    { key: 'tname', header: `${tx('col.theirs')} ${tx('col.name')}`, render: (x) => get(x).name },
    { key: 'tphone', header: tx('col.phone'), render: (x) => get(x).phone, nowrap: true },
    { key: 'tdate', header: tx('col.date'), render: (x) => get(x).visitDate, nowrap: true, width: 100 },
    { key: 'tfirst', header: tx('col.first'), render: (x) => yesNo(tx, get(x).firstVisit), width: 50 },
  ];
  const ourCols = <T,>(get: (x: T) => OurVisit): Column<T>[] => [
    { key: 'oname', header: `${tx('col.ours')} ${tx('col.name')}`, render: (x) => get(x).name },
    { key: 'ophone', header: tx('col.phone'), render: (x) => get(x).phone ?? '—', nowrap: true },
    { key: 'odate', header: tx('col.date'), render: (x) => get(x).visitDate, nowrap: true, width: 100 },
    { key: 'ofirst', header: tx('col.first'), render: (x) => yesNo(tx, get(x).firstVisit), width: 50 },
    { key: 'consultant', header: tx('col.consultant'), render: (x) => get(x).consultantName ?? '—', width: 90 },
    { key: 'open', header: '', render: (x) => openButton(get(x)), width: 90 },
  ];
  type Pair = ReconcileResult['different'][number];
  return (
    <div className="screen reconcile-screen" data-testid="reconcile-screen">
      <Toolbar title={tx('title')} />
      <div className="reconcile-body">
        <div className="reconcile-pick">
          <label className="care-file">
            <input type="file" accept=".xlsx,.csv,.txt" aria-label={tx('pick')} data-testid="reconcile-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            <span className="btn btn-default">{tx('pick')}</span>
          </label>
          <span>{file ? file.name : tx('pick.none')}</span>
          <TextField label={tx('from')} type="date" value={from} onChange={setFrom} data-testid="reconcile-from" />
          <TextField label={tx('to')} type="date" value={to} onChange={setTo} data-testid="reconcile-to" />
          <Button variant="primary" busy={busy} disabled={!file} onClick={() => void run()} data-testid="reconcile-run">
            {tx('run')}
          </Button>
        </div>
        <FormMessage>{error}</FormMessage>
        {r && (
          <>
            <p className="reconcile-summary" data-testid="reconcile-summary">
              {tx('summary', {
                theirs: String(r.theirRows),
                outside: String(r.outsidePeriod),
                bad: String(r.unreadable.length),
                ours: String(r.ourVisits),
                same: String(r.consistent.length),
                diff: String(r.different.length),
                onlyTheirs: String(r.onlyTheirs.length),
                onlyOurs: String(r.onlyOurs.length),
              })}
            </p>
            <h3>{tx('different', { n: String(r.different.length) })}</h3>
            <Table<Pair>
              aria-label={tx('different', { n: String(r.different.length) })}
              rowKey={(d) => d.theirs.row}
              rows={r.different}
              empty={tx('none')}
              rowProps={(d) => ({ 'data-testid': `reconcile-different-${d.theirs.row}` })}
              columns={[
                ...theirCols<Pair>((d) => d.theirs),
                { key: 'fields', header: tx('col.fields'), render: (d) => <span className="reconcile-diff">{d.fields.map((f) => tx(`field.${f}`)).join('、')}</span>, width: 110 },
                ...ourCols<Pair>((d) => d.ours),
              ]}
            />
            <h3>{tx('onlyTheirs', { n: String(r.onlyTheirs.length) })}</h3>
            <Table<TheirRow> aria-label={tx('onlyTheirs', { n: String(r.onlyTheirs.length) })} rowKey={(x) => x.row} rows={r.onlyTheirs} empty={tx('none')} columns={theirCols<TheirRow>((x) => x)} />
            <h3>{tx('onlyOurs', { n: String(r.onlyOurs.length) })}</h3>
            <Table<OurVisit> aria-label={tx('onlyOurs', { n: String(r.onlyOurs.length) })} rowKey={(x) => x.visitId} rows={r.onlyOurs} empty={tx('none')} columns={ourCols<OurVisit>((x) => x)} />
            <h3>{tx('consistent', { n: String(r.consistent.length) })}</h3>
            <Table<ReconcileResult['consistent'][number]>
              aria-label={tx('consistent', { n: String(r.consistent.length) })}
              rowKey={(d) => d.theirs.row}
              rows={r.consistent}
              empty={tx('none')}
              columns={[
                ...theirCols<ReconcileResult['consistent'][number]>((d) => d.theirs),
                { key: 'by', header: tx('col.by'), render: (d) => tx(`by.${d.matchedBy}`), width: 80 },
                ...ourCols<ReconcileResult['consistent'][number]>((d) => d.ours),
              ]}
            />
            {r.unreadable.length > 0 && (
              <>
                <h3>{tx('unreadable', { n: String(r.unreadable.length) })}</h3>
                <Table
                  aria-label={tx('unreadable', { n: String(r.unreadable.length) })}
                  rowKey={(x) => x.row}
                  rows={r.unreadable}
                  columns={[
                    { key: 'row', header: tx('col.row'), render: (x) => x.row, width: 70, align: 'right' },
                    { key: 'reason', header: tx('col.reason'), render: (x) => x.reason },
                  ]}
                />
              </>
            )}
          </>
        )}
      </div>
    </div>
  );
}
