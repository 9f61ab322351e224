import { useCallback, useEffect, useState } from 'react';
import type { DictionaryItem } from '../../../../electron/common/api';
import { REMINDER_KINDS, type ReminderKind, type ReminderList, type ReminderRow } from '../../../../electron/common/api/reminders';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { useNavigation } from '../../../shell/navigation';
import { Button, FormMessage, Table, TabStrip, TextField, Toolbar, useToast } from '../../../ui';
import { useSessionInfo } from '../../auth/session';
import { splitErrors } from '../../sales/opportunities/form-bits';
import { ChurnReasonDialog } from './ChurnReasonDialog';
import './reminders.css';

const PAGE = 100;
const TASK_ROLES = ['serviceAgent', 'serviceManager', 'generalManager', 'admin'];

/**
 * 提醒服务: one tab per reminder list, a date range (or, for 专项保养, a km band) and 查看; the
 * server computes the list from the dealer's today, leaves DND customers out and says how many.
 * 生成任务 turns the whole list (not only the page) into agents' tasks, once.
 */
export function RemindersScreen() {
  const { t, locale } = useI18n();
  const toast = useToast();
  const nav = useNavigation();
  const session = useSessionInfo();
  const [models, setModels] = useState<ReadonlyMap<string, DictionaryItem>>(new Map());
  const canTask = TASK_ROLES.includes(session.user.role);
  const [kind, setKind] = useState<ReminderKind>('first_service');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [kmFrom, setKmFrom] = useState('78000');
  const [kmTo, setKmTo] = useState('82000');
  const [offset, setOffset] = useState(0);
  const [data, setData] = useState<ReminderList | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [churnRow, setChurnRow] = useState<ReminderRow | null>(null);

  const query = useCallback(
    (k: ReminderKind, f: string, tt: string) => ({
      kind: k,
      ...(f ? { from: f } : {}),
      ...(tt ? { to: tt } : {}),
      ...(k === 'mileage_service' && kmFrom && kmTo ? { kmFrom: Number(kmFrom), kmTo: Number(kmTo) } : {}),
    }),
    [kmFrom, kmTo],
  );

  const load = useCallback(
    (k: ReminderKind, f: string, tt: string, off: number) => {
      setMessage(null);
      call('reminders.list', { ...query(k, f, tt), offset: off, limit: PAGE }).then(
        (d) => {
          setData(d);
          setOffset(off);
          // The server fills in each list's default range: show it in the fields.
          setFrom(d.from);
          setTo(d.to);
        },
        (e) => setMessage(splitErrors(e, []).message),
      );
    },
    [query],
  );

  useEffect(() => {
    call('dict.list', { kind: 'model' }).then((items) => setModels(new Map(items.map((m) => [m.code, m]))), () => undefined);
  }, []);
  const modelName = (code: string | null) => {
    const m = code ? models.get(code) : undefined;
    return m ? (locale === 'en' ? m.en : m.zh) : code;
  };

  useEffect(() => {
    // A new tab starts from that list's default range (load is stable for a tab; the km band waits for 查看).
    setData(null);
    load(kind, '', '', 0);
  }, [kind]);

  const toTasks = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const r = await call('reminders.toTasks', { ...query(kind, from, to), assigneeId: null });
      toast.show(t('rem.tasksMade', { created: r.created, existing: r.existing }));
    } catch (e) {
      setMessage(splitErrors(e, []).message);
    } finally {
      setBusy(false);
    }
  };

  const dateHeader = t(`rem.date.${kind}`);
  const rows = data?.kind === kind ? data.rows : [];
  const total = data?.kind === kind ? data.total : 0;

  return (
    <div className="screen rem-screen" data-testid="rem-screen">
      <TabStrip tabs={REMINDER_KINDS.map((id) => ({ id, label: t(`rem.kind.${id}`) }))} activeId={kind} onSelect={(id) => setKind(id as ReminderKind)} aria-label={t('nav.service.reminders')} />
      <Toolbar>
        {kind === 'mileage_service' ? (
          <>
            <TextField type="number" label={t('rem.kmFrom')} value={kmFrom} onChange={setKmFrom} data-testid="rem-km-from" />
            <TextField type="number" label={t('rem.kmTo')} value={kmTo} onChange={setKmTo} data-testid="rem-km-to" />
          </>
        ) : (
          <>
            <TextField type="date" label={dateHeader} value={from} onChange={setFrom} data-testid="rem-from" />
            <TextField type="date" label={t('rem.to')} value={to} onChange={setTo} data-testid="rem-to" />
          </>
        )}
        <Button variant="primary" onClick={() => load(kind, from, to, 0)} data-testid="rem-view">
          {t('rem.view')}
        </Button>
        {canTask && (
          <Button busy={busy} onClick={toTasks} disabled={total === 0} data-testid="rem-tasks">
            {t('rem.toTasks')}
          </Button>
        )}
        {data?.kind === kind && (
          <span className="rem-muted" data-testid="rem-total">
            {t('rem.total', { n: total })}
          </span>
        )}
        {data?.kind === kind && data.leftOutDnd > 0 && (
          <span className="rem-muted" data-testid="rem-dnd">
            {t('rem.dndExcluded', { n: data.leftOutDnd })}
          </span>
        )}
      </Toolbar>
      <FormMessage>{message}</FormMessage>
      <Table
        aria-label={t(`rem.kind.${kind}`)}
        rows={rows}
        rowKey={(r) => `${r.customerId}/${r.vehicleId ?? ''}`}
        empty={t('rem.empty')}
        columns={[
          {
            key: 'customer',
            header: t('rem.col.customer'),
            render: (r) => (
              <button type="button" className="rem-link" onClick={() => nav.openCustomer(r.customerId, r.customerName)}>
                {r.customerName}
              </button>
            ),
          },
          { key: 'phone', header: t('rem.col.phone'), render: (r) => r.phone ?? '', nowrap: true },
          { key: 'vehicle', header: t('rem.col.vehicle'), render: (r) => [r.plate, modelName(r.model)].filter(Boolean).join(' ') },
          { key: 'date', header: dateHeader, render: (r) => r.date ?? '', nowrap: true },
          ...(kind === 'mileage_service' || kind === 'churn' ? [{ key: 'figure', header: t(`rem.figure.${kind}`), render: (r: ReminderRow) => (r.figure == null ? '' : r.figure.toLocaleString()), align: 'right' as const }] : []),
          ...(kind !== 'birthday' && kind !== 'churn' && kind !== 'mileage_service' ? [{ key: 'last', header: t('rem.col.lastService'), render: (r: ReminderRow) => r.lastServiceDate ?? '', nowrap: true }] : []),
          ...(kind === 'churn'
            ? [
                {
                  key: 'act',
                  header: '',
                  render: (r: ReminderRow) => (
                    <Button onClick={() => setChurnRow(r)} data-testid={`rem-churn-${r.vehicleId}`}>
                      {t('rem.churn.record')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {total > PAGE && (
        <Toolbar>
          <Button disabled={offset === 0} onClick={() => load(kind, from, to, Math.max(0, offset - PAGE))} data-testid="rem-prev">
            {t('rem.prev')}
          </Button>
          <span className="rem-muted">{t('rem.page', { from: offset + 1, to: Math.min(total, offset + PAGE), n: total })}</span>
          <Button disabled={offset + PAGE >= total} onClick={() => load(kind, from, to, offset + PAGE)} data-testid="rem-next">
            {t('rem.next')}
          </Button>
        </Toolbar>
      )}
      {churnRow && (
        <ChurnReasonDialog
          row={churnRow}
          onClose={() => setChurnRow(null)}
          onDone={() => {
            setChurnRow(null);
            toast.show(t('rem.churn.saved'));
          }}
        />
      )}
    </div>
  );
}
