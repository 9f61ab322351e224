import { useCallback, useEffect, useState } from 'react';
import type { AppointmentDay, AppointmentRow, ProactiveCandidate } from '../../../../electron/common/api/appointments';
import { addDays } from '../../../../electron/common/dates';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { useNavigation } from '../../../shell/navigation';
import { Button, FormMessage, Table, TabStrip, TextField, Toolbar, useToast } from '../../../ui';
import { SessionDataGrid } from '../../../ui/grid';
import { useSessionInfo } from '../../auth';
import { BookDialog, type BookTarget } from './BookDialog';
import './appointments.css';
import { problemsText } from '../../../ui/errors';

type View = 'day' | 'noShows' | 'proactive' | 'all';

/** 预约管理: the day by slot with capacity, booking, arrival / no-show, no-shows, 主动预约, and every appointment on the grid. */
export function AppointmentsScreen() {
  const { t } = useI18n();
  const toast = useToast();
  const nav = useNavigation();
  const session = useSessionInfo();
  const [view, setView] = useState<View>('day');
  const [date, setDate] = useState('');
  const [day, setDay] = useState<AppointmentDay | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [book, setBook] = useState<BookTarget | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [noShows, setNoShows] = useState<AppointmentRow[]>([]);
  const [cands, setCands] = useState<{ rows: ProactiveCandidate[]; dndExcluded: number } | null>(null);
  const isAdvisor = session.user.role === 'serviceAdvisor';

  const loadDay = useCallback((d: string) => {
    setMessage(null);
    // '' asks for today: the server's dealer day, whatever the browser's time zone.
    const ask = d || new Date().toISOString().slice(0, 10);
    call('appointments.day', { date: ask }).then(
      (r) => {
        if (!d && r.today !== ask) {
          loadDay(r.today);
          return;
        }
        setDay(r);
        setDate(r.date);
        setFrom((f) => f || addDays(r.today, -7));
        setTo((x) => x || r.today);
      },
      (e) => setMessage(problemsText(e)),
    );
  }, []);
  useEffect(() => loadDay(''), [loadDay]);

  const setStatus = (a: AppointmentRow, status: 'arrived' | 'cancelled' | 'no_show') =>
    call('appointments.setStatus', { id: a.id, status }).then(
      () => {
        loadDay(date);
        if (view === 'noShows') loadNoShows();
      },
      (e) => toast.show(problemsText(e), 'error'),
    );
  const loadNoShows = () => call('appointments.noShows', { from, to }).then(setNoShows, (e) => setMessage(problemsText(e)));
  const loadCands = () => {
    const start = day?.today ?? from;
    call('appointments.proactiveCandidates', { from: start, to: addDays(start, 30) }).then(setCands, (e) => setMessage(problemsText(e)));
  };
  const remind = () =>
    call('appointments.remindTomorrow', {}).then(
      (r) => toast.show(t('ap.reminded', { date: r.date, created: r.created, existing: r.existing, dnd: r.dndExcluded })),
      (e) => toast.show(problemsText(e), 'error'),
    );

  const slots = day?.slots.map((s) => s.slot) ?? [];
  const statusCell = (a: AppointmentRow) => <span className={`ap-status ap-status-${a.status}`}>{t(`ap.status.${a.status}`)}</span>;
  const actions = (a: AppointmentRow) => (
    <span className="ap-actions">
      {(a.status === 'booked' || a.status === 'no_show') && (
        <Button onClick={() => setStatus(a, 'arrived')} data-testid={`ap-arrive-${a.id}`}>
          {t('ap.arrived')}
        </Button>
      )}
      {a.status === 'booked' && <Button onClick={() => setStatus(a, 'cancelled')}>{t('ap.cancel')}</Button>}
    </span>
  );

  return (
    <div className="screen ap-screen" data-testid="ap-screen">
      <TabStrip
        tabs={(['day', 'noShows', 'proactive', 'all'] as const).map((id) => ({ id, label: t(`ap.tab.${id}`) }))}
        activeId={view}
        onSelect={(id) => {
          setView(id as View);
          if (id === 'noShows') loadNoShows();
          if (id === 'proactive') loadCands();
        }}
        aria-label={t('nav.service.appointments')}
      />
      <FormMessage>{message}</FormMessage>
      {view === 'day' && day && (
        <>
          <Toolbar>
            <Button onClick={() => loadDay(addDays(date, -1))}>{t('ap.prevDay')}</Button>
            <TextField type="date" label={t('ap.date')} value={date} onChange={(d) => d && loadDay(d)} data-testid="ap-day" />
            <Button onClick={() => loadDay(addDays(date, 1))} data-testid="ap-next-day">
              {t('ap.nextDay')}
            </Button>
            <Button onClick={() => loadDay(day.today)}>{t('ap.today')}</Button>
            <span className="ap-muted">{t('ap.capacity', { n: day.capacity })}</span>
            {!isAdvisor && <Button onClick={remind}>{t('ap.remind')}</Button>}
          </Toolbar>
          <div className="ap-slots">
            {day.slots.map((s) => (
              <section key={s.slot} className={`ap-slot${s.full ? ' ap-slot-full' : ''}${s.past ? ' ap-slot-past' : ''}`} data-testid={`ap-slot-${s.slot}`}>
                <header>
                  <strong>{s.slot}</strong>
                  <span className="ap-count" data-testid={`ap-count-${s.slot}`}>
                    {s.booked}/{s.capacity}
                  </span>
                  {s.full && <span className="ap-badge">{t('ap.full')}</span>}
                  {s.past && <span className="ap-badge ap-badge-muted">{t('ap.past')}</span>}
                  <Button onClick={() => setBook({ date: day.date, slot: s.slot })} data-testid={`ap-book-${s.slot}`}>
                    {t('ap.book')}
                  </Button>
                </header>
                <ul>
                  {s.appointments.map((a) => (
                    <li key={a.id} data-testid={`ap-appt-${a.id}`}>
                      <button type="button" className="ap-link" onClick={() => nav.openCustomer(a.customerId, a.customerName)}>
                        {a.customerName}
                      </button>{' '}
                      {[a.plate, a.advisorName].filter(Boolean).join(' · ')} {a.proactive && <span className="ap-badge">{t('ap.proactive')}</span>} {statusCell(a)} {actions(a)}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </>
      )}
      {view === 'noShows' && (
        <>
          <Toolbar>
            <TextField type="date" label={t('ap.from')} value={from} onChange={setFrom} />
            <TextField type="date" label={t('ap.to')} value={to} onChange={setTo} />
            <Button variant="primary" onClick={loadNoShows}>
              {t('ap.view')}
            </Button>
          </Toolbar>
          <Table
            aria-label={t('ap.tab.noShows')}
            rows={noShows}
            rowKey={(r) => r.id}
            empty={t('ap.empty')}
            columns={[
              { key: 'date', header: t('ap.date'), render: (r) => `${r.date} ${r.slot}`, nowrap: true },
              { key: 'customer', header: t('ap.customer'), render: (r) => r.customerName },
              { key: 'phone', header: t('ap.phone'), render: (r) => r.phone ?? '' },
              { key: 'vehicle', header: t('ap.vehicle'), render: (r) => [r.plate, r.model].filter(Boolean).join(' ') },
              { key: 'advisor', header: t('ap.advisor'), render: (r) => r.advisorName ?? '' },
              { key: 'act', header: '', render: actions },
            ]}
          />
        </>
      )}
      {view === 'proactive' && (
        <>
          {cands && cands.dndExcluded > 0 && <div className="ap-muted">{t('ap.dndExcluded', { n: cands.dndExcluded })}</div>}
          <Table
            aria-label={t('ap.tab.proactive')}
            rows={cands?.rows ?? []}
            rowKey={(r) => r.vehicleId}
            empty={t('ap.empty')}
            columns={[
              { key: 'customer', header: t('ap.customer'), render: (r) => r.customerName },
              { key: 'phone', header: t('ap.phone'), render: (r) => r.phone ?? '' },
              { key: 'vehicle', header: t('ap.vehicle'), render: (r) => [r.plate, r.model].filter(Boolean).join(' ') },
              { key: 'next', header: t('ap.nextService'), render: (r) => r.nextServiceDate, nowrap: true },
              {
                key: 'act',
                header: '',
                render: (r) => (
                  <Button
                    onClick={() => setBook({ date: r.nextServiceDate > (day?.today ?? '') ? r.nextServiceDate : addDays(day?.today ?? r.nextServiceDate, 1), slot: slots[0] ?? '08:30', customer: { id: r.customerId, name: r.customerName, vehicleId: r.vehicleId } })}
                  >
                    {t('ap.proactive')}
                  </Button>
                ),
              },
            ]}
          />
        </>
      )}
      {view === 'all' && <SessionDataGrid dataset="appointments" scope={isAdvisor ? 'mine' : 'all'} />}
      {book && (
        <BookDialog
          target={book}
          slots={slots}
          onClose={() => setBook(null)}
          onSaved={() => {
            toast.show(t('ap.saved'));
            const d = book.date;
            setBook(null);
            setView('day');
            loadDay(d);
          }}
        />
      )}
    </div>
  );
}
