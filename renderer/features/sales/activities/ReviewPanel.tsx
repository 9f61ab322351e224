import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { ActivityView, ConsultantView } from '../../../../electron/common/api/activities';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Button, FormMessage, SelectField, Table, Toolbar, type Column } from '../../../ui';
import { ActivityDetailDialog } from './ActivityDetail';
import { stageLabel, statusLabel, typeLabel } from './format';
import { fmtDateTime } from '../../../../electron/common/dates';
import { errorText } from '../../../ui/errors';

type Show = 'all' | 'planned' | 'overdue';

/**
 * 领导批阅: a manager picks a consultant of their teams, sees their plans and activities, and opens
 * one to comment on it (the consultant sees the comment on the activity and gets a notification).
 */
export function ReviewPanel({ switcher }: { switcher?: ReactNode }) {
  const { t, locale } = useI18n();
  const [consultants, setConsultants] = useState<ConsultantView[] | null>(null);
  const [who, setWho] = useState('');
  const [show, setShow] = useState<Show>('all');
  const [rows, setRows] = useState<ActivityView[]>([]);
  const [open, setOpen] = useState<ActivityView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(errorText(e));

  const loadConsultants = useCallback(() => {
    call('review.consultants', {}).then(setConsultants, fail);
  }, []);
  useEffect(loadConsultants, [loadConsultants]);
  const load = useCallback(() => {
    if (!who) return setRows([]);
    call('review.activitiesOf', { consultantId: Number(who), status: show }).then(setRows, fail);
  }, [who, show]);
  useEffect(load, [load]);

  const columns: Column<ActivityView>[] = [
    { key: 'customer', header: t('act.f.customer'), render: (a) => a.customerName, nowrap: true },
    { key: 'stage', header: t('act.f.stage'), render: (a) => stageLabel(a.stage, locale), nowrap: true },
    { key: 'type', header: t('act.f.type'), render: (a) => typeLabel(a.type, locale), nowrap: true },
    { key: 'status', header: t('act.f.status'), render: (a) => (a.overdue ? <span className="field-error">{t('act.overdueMark')}</span> : statusLabel(a.status, locale)), nowrap: true },
    { key: 'plannedAt', header: t('act.f.plannedAt'), render: (a) => fmtDateTime(a.plannedAt), nowrap: true },
    { key: 'subject', header: t('act.f.subject'), render: (a) => a.subject ?? '' },
    { key: 'result', header: t('act.f.result'), render: (a) => a.result ?? '' },
    { key: 'comments', header: t('act.comments'), render: (a) => (a.commentCount ? <span className="badge">{a.commentCount}</span> : ''), align: 'center' },
    {
      key: 'act',
      header: '',
      render: (a) => (
        <Button size="small" onClick={() => setOpen(a)} data-testid={`review-open-${a.id}`}>
          {t('act.comment')}
        </Button>
      ),
    },
  ];

  return (
    <div className="screen" data-testid="review-panel">
      <Toolbar title={t('act.tab.review')}>{switcher}</Toolbar>
      <div className="form-grid" style={{ maxWidth: 640 }}>
        <SelectField
          label={t('act.review.consultant')}
          value={who}
          onChange={setWho}
          data-testid="review-consultant"
          options={[
            { value: '', label: t('act.review.pick') },
            ...(consultants ?? []).map((c) => ({ value: String(c.id), label: `${c.name}${c.teamName ? ` (${c.teamName})` : ''} — ${t('act.review.counts', { planned: c.plannedCount, overdue: c.overdueCount })}` })),
          ]}
        />
        <SelectField
          label={t('act.review.show')}
          value={show}
          onChange={setShow}
          options={[
            { value: 'all', label: t('act.quick.all') },
            { value: 'planned', label: t('act.quick.planned') },
            { value: 'overdue', label: t('act.quick.overdue') },
          ]}
        />
      </div>
      {consultants && consultants.length === 0 && <p className="muted">{t('act.review.noConsultants')}</p>}
      <FormMessage>{error}</FormMessage>
      {who && <Table columns={columns} rows={rows} rowKey={(a) => a.id} empty={t('act.none')} aria-label={t('act.tab.review')} />}
      {open && (
        <ActivityDetailDialog
          activityId={open.id}
          customerId={open.customerId}
          canComment
          onClose={() => setOpen(null)}
          onChanged={() => {
            load();
            loadConsultants();
          }}
        />
      )}
    </div>
  );
}
