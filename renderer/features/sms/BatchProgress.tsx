import { useCallback, useEffect, useState } from 'react';
import type { SmsBatchProgress, SmsBatchRow, SmsMessageRow } from '../../../electron/common/api/sms';
import { call, onEvent } from '../../api';
import { Button, Table } from '../../ui';
import { useSmsT } from './messages';
import { formatPhone } from '../../../electron/common/phone';
import { errorText } from '../../ui/errors';

/**
 * One batch live: queued / sent / delivered / failed with a progress bar (updated by the
 * 'sms.batch' event), pause / resume / cancel, and the failed or unconfirmed messages with their
 * reasons and a resend.
 */
export function BatchProgress({ batchId }: { batchId: number }) {
  const st = useSmsT();
  const [batch, setBatch] = useState<SmsBatchRow | null>(null);
  const [problems, setProblems] = useState<SmsMessageRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ body: string; at: string } | null>(null);

  const load = useCallback(async () => {
    try {
      const r = await call('sms.batch', { batchId });
      setBatch(r.batch);
      setProblems(r.problems);
    } catch (e) {
      setError(errorText(e));
    }
  }, [batchId]);

  useEffect(() => {
    void load();
    const off = onEvent('sms.batch', (p: SmsBatchProgress) => {
      if (p.batchId !== batchId) return;
      setBatch((b) => (b ? { ...b, ...p } : b));
      if (p.failed + p.unknown > 0 || p.status === 'done') void load();
    });
    // The event channel may be down (reconnecting): a slow poll keeps the numbers honest.
    const timer = setInterval(() => void load(), 5000);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [batchId, load]);

  const act = async (what: 'pause' | 'resume' | 'cancel' | 'resend' | 'resendUnknown') => {
    setError(null);
    setNote(null);
    try {
      if (what === 'resend' || what === 'resendUnknown') {
        const r = await call('sms.batch.resend', { batchId, includeUnknown: what === 'resendUnknown' });
        setNote(st('requeued', { n: r.requeued }));
      } else await call(`sms.batch.${what}`, { batchId });
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  };

  const saveEdit = async () => {
    if (!editing || !batch) return;
    setError(null);
    try {
      await call('sms.batch.edit', { batchId, body: editing.body, templateId: null, scheduledAt: new Date(editing.at).getTime() });
      setEditing(null);
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  };

  if (!batch) return <div className="muted">{error ?? '…'}</div>;
  const sent = batch.submitted + batch.delivered;
  const finished = batch.delivered + batch.failed + batch.unknown;
  const pct = batch.total ? Math.round((finished / batch.total) * 100) : 0;
  const pctSent = batch.total ? Math.round(((sent + batch.failed + batch.unknown) / batch.total) * 100) : 0;
  return (
    <div className="sms-progress" data-testid="sms-progress" data-status={batch.status}>
      <div className="sms-progress-head">
        <strong>{st(`status.${batch.status}` as Parameters<typeof st>[0])}</strong>
        <span data-testid="sms-counts">
          {st('queued')} {batch.queued + batch.submitting} · {st('sent')} {sent} · {st('delivered')} <b data-testid="sms-delivered">{batch.delivered}</b> · {st('failed')}{' '}
          {batch.failed} · {st('unknown')} {batch.unknown}
        </span>
        {batch.gatewayThrottled && batch.status === 'sending' && (
          <span className="sms-throttled" data-testid="sms-throttled">
            {st('throttled')}
          </span>
        )}
      </div>
      <div className="sms-bar" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
        <div className="sms-bar-sent" style={{ width: `${pctSent}%` }} />
        <div className="sms-bar-done" style={{ width: `${pct}%` }} />
      </div>
      <div className="sms-progress-actions">
        {batch.status === 'scheduled' && !editing && (
          <Button onClick={() => setEditing({ body: batch.body, at: localInput(batch.scheduledAt) })} data-testid="sms-edit">
            {st('edit')}
          </Button>
        )}
        {batch.status === 'sending' && <Button onClick={() => void act('pause')}>{st('pause')}</Button>}
        {batch.status === 'paused' && <Button onClick={() => void act('resume')}>{st('resume')}</Button>}
        {['scheduled', 'sending', 'paused'].includes(batch.status) && <Button onClick={() => void act('cancel')}>{st('cancelBatch')}</Button>}
        {batch.failed > 0 && batch.status !== 'cancelled' && <Button onClick={() => void act('resend')}>{st('resend')}</Button>}
        {batch.unknown > 0 && batch.status !== 'cancelled' && <Button onClick={() => void act('resendUnknown')}>{st('resendUnknown')}</Button>}
        {note && <span className="muted">{note}</span>}
        {error && <span className="sms-error">{error}</span>}
      </div>
      {batch.status === 'scheduled' && (
        <div className="muted">
          {st('scheduledFor')}: {localInput(batch.scheduledAt).replace('T', ' ')}
        </div>
      )}
      {editing && (
        <div className="sms-form">
          <label className="field">
            <span className="field-label">{st('scheduleAt')}</span>
            <input className="input" type="datetime-local" value={editing.at} onChange={(e) => setEditing({ ...editing, at: e.target.value })} />
          </label>
          <label className="field">
            <span className="field-label">{st('body')}</span>
            <textarea className="input" rows={3} value={editing.body} onChange={(e) => setEditing({ ...editing, body: e.target.value })} />
          </label>
          <div className="sms-progress-actions">
            <Button variant="primary" onClick={() => void saveEdit()}>
              {st('save')}
            </Button>
            <Button onClick={() => setEditing(null)}>{st('cancel')}</Button>
          </div>
        </div>
      )}
      {problems.length > 0 && (
        <>
          <h4>{st('problems')}</h4>
          <Table
            rows={problems}
            rowKey={(m) => m.id}
            columns={[
              { key: 'customer', header: st('customer'), render: (m) => m.customerName ?? '' },
              { key: 'number', header: st('number'), nowrap: true, render: (m) => <span className="mono">{formatPhone(m.number)}</span> },
              { key: 'status', header: st('failed'), nowrap: true, render: (m) => st(m.status === 'unknown' ? 'unknown' : 'failed') },
              { key: 'reason', header: st('reason'), render: (m) => m.lastError ?? '' },
            ]}
          />
        </>
      )}
    </div>
  );
}

/** Epoch ms → the value of a datetime-local input (the PC's local time). */
function localInput(ms: number | null): string {
  if (!ms) return '';
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
