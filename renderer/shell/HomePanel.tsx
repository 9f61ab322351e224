import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import type { ActivityView, NotificationView, TodayView } from '../../electron/common/api/activities';
import { call, callPrefetched, onEvent, onReconnected, prefetch } from '../api';
import type { ModuleCode } from '../../electron/common/roles';
import { useSessionInfo } from '../features/auth/session';
import { typeLabel } from '../features/sales/activities/format';
import { fmtDateTime } from '../../electron/common/dates';
import { useI18n } from '../i18n/react';
import { Button, FormMessage } from '../ui';
import { useNavigation } from './navigation';
import { perfMark } from '../perf-marks';
import { errorText } from '../ui/errors';
import { FailingChecks } from '../features/self-audit';
import { BackupWarning } from '../features/backup';
import { SELF_AUDIT_ROLES } from '../../electron/common/api/self-audit-roles';

/** Today's and overdue follow-ups of the user (roles with the sales module); a click opens the customer. */
function FollowUps() {
  const { t, locale } = useI18n();
  const { openCustomer } = useNavigation();
  const [v, setV] = useState<TodayView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    callPrefetched('activities.today', {}).then(
      (r) => {
        perfMark('login.homeData');
        setV(r);
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, []);
  const loaded = v !== null;
  useLayoutEffect(() => {
    if (loaded) perfMark('login.homeRendered');
  }, [loaded]);
  const list = (items: ActivityView[], testId: string) => (
    <ul className="card-list" data-testid={testId}>
      {items.map((a) => (
        <li key={a.id}>
          <button type="button" className="link" onClick={() => openCustomer(a.customerId, a.customerName)}>
            {a.customerName}
          </button>{' '}
          <span className="muted small">
            {fmtDateTime(a.plannedAt)} · {typeLabel(a.type, locale)}
          </span>{' '}
          {a.subject}
          {a.commentCount > 0 && <span className="badge">{t('act.comments')} {a.commentCount}</span>}
        </li>
      ))}
    </ul>
  );
  return (
    <section className="card-section" data-testid="home-followups">
      <FormMessage>{error}</FormMessage>
      {v && (
        <>
          <h3>{t('act.home.counts', { today: v.todayCount, overdue: v.overdueCount })}</h3>
          {v.todayCount + v.overdueCount === 0 && <p className="muted">{t('act.home.nothing')}</p>}
          {v.overdue.length > 0 && (
            <>
              <h4>{t('act.home.overdue')}</h4>
              {list(v.overdue, 'home-overdue')}
            </>
          )}
          {v.today.length > 0 && (
            <>
              <h4>{t('act.home.today')}</h4>
              {list(v.today, 'home-today')}
            </>
          )}
        </>
      )}
    </section>
  );
}

const UNREAD = { unreadOnly: true, limit: 50 };

/**
 * Home's reads, started by the login page with the login answer so they run while the main window
 * renders (login → home, docs/performance.md); the panels take the answers when they mount.
 */
export function prefetchHome(modules: readonly ModuleCode[]): void {
  if (modules.includes('sales')) prefetch('activities.today', {});
  prefetch('notifications.list', UNREAD);
}

/** Unread notifications (领导批阅 comments); new ones arrive as 'notification' events. A click opens the customer and marks it read. */
function Notifications() {
  const { t } = useI18n();
  const { openCustomer } = useNavigation();
  const [items, setItems] = useState<NotificationView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    callPrefetched('notifications.list', UNREAD).then(
      (r) => setItems(r.items),
      (e: unknown) => setError(errorText(e)),
    );
  }, []);
  useEffect(() => {
    load();
    const offReconnect = onReconnected(load); // events missed while the host was away
    const offNotification = onEvent('notification', load);
    return () => {
      offReconnect();
      offNotification();
    };
  }, [load]);
  const markRead = async (ids: number[] | 'all') => {
    await call('notifications.markRead', ids === 'all' ? { all: true } : { ids }).catch(() => undefined);
    load();
  };
  return (
    <section className="card-section" data-testid="home-notifications">
      <h3>
        {t('act.home.notifications')} {items.length > 0 && <span className="badge">{items.length}</span>}
      </h3>
      <FormMessage>{error}</FormMessage>
      {items.length === 0 ? (
        <p className="muted">{t('act.home.noNotifications')}</p>
      ) : (
        <>
          <ul className="card-list">
            {items.map((n) => (
              <li key={n.id} data-testid="notification">
                <span className="badge">{n.kind === 'review.comment' ? t('act.notify.review') : n.kind}</span>{' '}
                {n.customerId ? (
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      void markRead([n.id]);
                      openCustomer(n.customerId!, n.customerName ?? undefined);
                    }}
                  >
                    {n.title}
                  </button>
                ) : (
                  n.title
                )}
                {n.body && <div>{n.body}</div>}
                <span className="muted small">{fmtDateTime(n.createdAt)}</span>{' '}
                <Button size="small" variant="quiet" onClick={() => void markRead([n.id])}>
                  {t('act.home.markRead')}
                </Button>
              </li>
            ))}
          </ul>
          <Button size="small" onClick={() => void markRead('all')}>
            {t('act.home.markAllRead')}
          </Button>
        </>
      )}
    </section>
  );
}

/** Shown when no tab is open: a greeting, the user's follow-ups for today and overdue, and unread notifications. */
export function HomePanel({ displayName }: { displayName: string }) {
  const { t } = useI18n();
  const { modules, user } = useSessionInfo();
  return (
    <section className="home">
      <h2 className="home-title">{t('shell.home.title', { name: displayName })}</h2>
      {modules.includes('sales') && <FollowUps />}
      {user.role === 'admin' && <BackupWarning />}
      {SELF_AUDIT_ROLES.includes(user.role) && <FailingChecks />}
      <Notifications />
      <p>{t('shell.home.body')}</p>
      <p className="muted">{t('shell.home.shortcuts')}</p>
    </section>
  );
}
