import { useEffect, useMemo, useState } from 'react';
import './sms.css';
import type { GridSelection } from '../../../electron/common/api/grid';
import type { SmsPreview, SmsPurpose, SmsTemplateRow } from '../../../electron/common/api/sms';
import { call } from '../../api';
import { Button, Dialog, useSubmit } from '../../ui';
import { BatchProgress } from './BatchProgress';
import { useSmsT } from './messages';
import { formatPhone } from '../../../electron/common/phone';
import { errorText } from '../../ui/errors';

export const MERGE_FIELDS = ['姓名', '称呼', '车牌', '车型', '到期日', '预约时间', '经销商', '顾问', '顾问电话'];

export interface SmsAudience {
  customerIds?: number[];
  grid?: Extract<GridSelection, { query: unknown }> | null;
  /** Ticked rows of a list whose rows are not customers (reminders, tasks): mapped on the server. */
  rows?: { query: Extract<GridSelection, { query: unknown }>['query']; ids: number[] } | null;
  /** How many customers were picked (shown in the dialog). */
  count: number;
}

/**
 * A grid's selection (ticked rows, or "all N matching") as an SMS audience. On a list whose rows
 * are not customers, pass the list's query so the server can map ticked rows to their customers.
 */
export function audienceOf(selection: GridSelection | null, count: number, listQuery?: NonNullable<SmsAudience['rows']>['query']): SmsAudience {
  if (!selection) return { count: 0 };
  if ('ids' in selection) return listQuery && listQuery.dataset !== 'customers' ? { rows: { query: listQuery, ids: selection.ids }, count } : { customerIds: selection.ids, count };
  return { grid: selection, count };
}

/**
 * 发短信: recipients (the picked customers plus typed numbers), a template or free text with merge
 * fields, channel, optional time; the server's preview shows what will happen (left out by
 * reason, invalid numbers, missing fields, the first texts with characters and parts) before
 * anything is sent. After sending, the dialog follows the batch live.
 */
export function SmsSendDialog({ audience, onClose }: { audience: SmsAudience; onClose: () => void }) {
  const st = useSmsT();
  const [templates, setTemplates] = useState<SmsTemplateRow[]>([]);
  const [templateId, setTemplateId] = useState<number | null>(null);
  const [body, setBody] = useState('');
  const [manual, setManual] = useState('');
  const [channel, setChannel] = useState<'smpp' | 'modem'>('smpp');
  const [purpose, setPurpose] = useState<SmsPurpose>('service');
  const [later, setLater] = useState(false);
  const [at, setAt] = useState('');
  const [preview, setPreview] = useState<SmsPreview | null>(null);
  const { busy, error, setError, run } = useSubmit();
  const [batchId, setBatchId] = useState<number | null>(null);

  useEffect(() => {
    call('sms.templates', { activeOnly: true }).then(setTemplates).catch(() => setTemplates([]));
  }, []);

  const input = useMemo(
    () => ({
      audience: { customerIds: audience.customerIds ?? [], grid: audience.grid ?? null, rows: audience.rows ?? null, manualNumbers: manual },
      message: { templateId, body, channel, purpose },
      scheduledAt: later && at ? new Date(at).getTime() : null,
    }),
    [audience, manual, templateId, body, channel, purpose, later, at],
  );

  // The preview follows the text as it is typed (debounced): counts and parts are always current.
  useEffect(() => {
    if (batchId !== null) return;
    if (!body.trim() || (audience.count === 0 && !manual.trim())) {
      setPreview(null);
      return;
    }
    const timer = setTimeout(() => {
      call('sms.preview', input)
        .then((p) => {
          setPreview(p);
          setError(null);
        })
        .catch((e: unknown) => {
          setPreview(null);
          setError(errorText(e));
        });
    }, 350);
    return () => clearTimeout(timer);
  }, [input, body, manual, audience.count, batchId]);

  const send = async () => {
    await run(async () => {
      const r = await call('sms.send', input);
      setBatchId(r.batchId);
    });
  };

  const pickTemplate = (id: string) => {
    const tpl = templates.find((x) => String(x.id) === id);
    setTemplateId(tpl ? tpl.id : null);
    if (tpl) {
      setBody(tpl.body);
      setPurpose(tpl.purpose);
    }
  };

  const leftOut = preview ? (Object.entries(preview.leftOut) as [keyof SmsPreview['leftOut'], number][]).filter(([, n]) => n > 0) : [];

  return (
    <Dialog
      title={st('title')}
      onClose={onClose}
      width={760}
      actions={
        batchId === null ? (
          <>
            <Button onClick={onClose}>{st('cancel')}</Button>
            <Button variant="primary" busy={busy} disabled={busy || !preview || preview.sendable === 0} onClick={() => void send()} data-testid="sms-send">
              {later ? st('scheduleSend') : st('send')}
            </Button>
          </>
        ) : (
          <Button variant="primary" onClick={onClose}>
            {st('close')}
          </Button>
        )
      }
    >
      {batchId !== null ? (
        <BatchProgress batchId={batchId} />
      ) : (
        <div className="form sms-form" data-testid="sms-dialog">
          <div className="field">
            <span className="field-label">{st('recipients')}</span>
            <div>{audience.grid ? st('allMatching', { n: audience.count.toLocaleString() }) : st('selected', { n: audience.count.toLocaleString() })}</div>
          </div>
          <label className="field">
            <span className="field-label">{st('manual')}</span>
            <textarea className="input" rows={2} value={manual} onChange={(e) => setManual(e.target.value)} data-testid="sms-manual" />
            <span className="field-hint">{st('manualHint')}</span>
          </label>
          <div className="sms-row">
            <label className="field">
              <span className="field-label">{st('template')}</span>
              <select className="input" value={templateId ?? ''} onChange={(e) => pickTemplate(e.target.value)} data-testid="sms-template">
                <option value="">{st('noTemplate')}</option>
                {templates.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field-label">{st('purpose')}</span>
              {/* A 营销 template's batch is 营销 (the server holds to it); free text: the sender says what it is. */}
              <select className="input" value={purpose} disabled={templates.find((x) => x.id === templateId)?.purpose === 'marketing'} onChange={(e) => setPurpose(e.target.value as SmsPurpose)} data-testid="sms-purpose">
                <option value="service">{st('purpose.service')}</option>
                <option value="marketing">{st('purpose.marketing')}</option>
              </select>
            </label>
            <label className="field">
              <span className="field-label">{st('channel')}</span>
              <select className="input" value={channel} onChange={(e) => setChannel(e.target.value as 'smpp' | 'modem')}>
                <option value="smpp">{st('channel.smpp')}</option>
                <option value="modem">{st('channel.modem')}</option>
              </select>
            </label>
          </div>
          <label className="field">
            <span className="field-label">{st('body')}</span>
            <textarea className="input" rows={4} value={body} onChange={(e) => setBody(e.target.value)} data-testid="sms-body" />
          </label>
          <div className="sms-fields">
            <span className="muted">{st('insertField')}:</span>
            {MERGE_FIELDS.map((f) => (
              <Button key={f} size="small" onClick={() => setBody((b) => `${b}{${f}}`)}>
                {f}
              </Button>
            ))}
          </div>
          <div className="sms-row">
            <label className="checkbox">
              <input type="checkbox" checked={later} onChange={(e) => setLater(e.target.checked)} /> {st('schedule')}
            </label>
            {later && <input className="input" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} aria-label={st('scheduleAt')} />}
          </div>
          {error && (
            <div className="sms-error" role="alert">
              {error}
            </div>
          )}
          {preview && (
            <div className="sms-preview" data-testid="sms-preview">
              <div>
                <strong data-testid="sms-sendable">{st('sendable', { n: preview.sendable.toLocaleString() })}</strong>
                {' · '}
                {st('charsParts', { chars: preview.maxChars, parts: preview.maxParts })}
              </div>
              <div data-testid="sms-leftout">
                {st('leftOut')} {leftOut.length === 0 ? st('none') : leftOut.map(([k, n]) => st(`leftOut.${k}`, { n })).join(',')}
              </div>
              {preview.purpose === 'marketing' && <div className="muted" data-testid="sms-marketing-note">{st('marketingNote')}</div>}
              {preview.invalidNumbers.length > 0 && (
                <div className="sms-error">
                  {st('invalidNumbers', { n: preview.invalidNumbers.length })}:{' '}
                  {preview.invalidNumbers.map((i) => `${st('line', { n: i.line })} ${i.raw}(${i.error.split(' / ')[0]})`).join(';')}
                </div>
              )}
              {preview.missingCount > 0 && (
                <div className="sms-error">
                  {st('missing', { n: preview.missingCount })}:{' '}
                  {preview.missing
                    .slice(0, 10)
                    .map((m) => `${m.name ?? formatPhone(m.number)}(${m.fields.join('、')})`)
                    .join(';')}
                </div>
              )}
              {preview.tooLong > 0 && <div className="sms-error">{st('tooLong', { n: preview.tooLong })}</div>}
              <h4>{st('samples', { n: preview.samples.length })}</h4>
              <ul className="sms-samples">
                {preview.samples.map((s) => (
                  <li key={s.number}>
                    <div className="muted">
                      {s.name ?? ''} {formatPhone(s.number)} · {st('charsParts', { chars: s.chars, parts: s.parts })}
                    </div>
                    <div className="sms-text">{s.text}</div>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </Dialog>
  );
}
