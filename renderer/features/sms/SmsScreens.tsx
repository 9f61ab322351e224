import { useCallback, useEffect, useRef, useState } from 'react';
import './sms.css';
import type { SmsBatchRow, SmsPurpose, SmsTemplateRow } from '../../../electron/common/api/sms';
import { call, onEvent } from '../../api';
import { Button, Dialog, Table, Toolbar } from '../../ui';
import { SessionDataGrid, type DataGridHandle } from '../../ui/grid';
import { useSessionInfo } from '../auth';
import { BatchProgress } from './BatchProgress';
import { useSmsT } from './messages';
import { MERGE_FIELDS, SmsSendDialog } from './SmsSendDialog';
import { errorText } from '../../ui/errors';

function when(ms: number | null): string {
  if (!ms) return '';
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** 发送记录: the latest batches (own, or all for managers), each opening its live progress and failures. */
export function SmsHistoryScreen() {
  const st = useSmsT();
  const [rows, setRows] = useState<SmsBatchRow[]>([]);
  const [open, setOpen] = useState<number | null>(null);
  const load = useCallback(() => {
    call('sms.batches', { limit: 100 }).then(setRows).catch(() => setRows([]));
  }, []);
  useEffect(() => {
    load();
    return onEvent('sms.batch', (p) => setRows((rs) => rs.map((r) => (r.batchId === p.batchId ? { ...r, ...p } : r))));
  }, [load]);
  return (
    <div className="screen sms-screen">
      <Toolbar title={st('batches')}>
        <Button onClick={load}>↻</Button>
      </Toolbar>
      <Table
        aria-label={st('batches')}
        rows={rows}
        rowKey={(r) => r.batchId}
        empty={st('none')}
        columns={[
          { key: 'id', header: st('batch'), nowrap: true, render: (r) => <Button size="small" onClick={() => setOpen(r.batchId)}>#{r.batchId}</Button> },
          { key: 'when', header: st('when'), nowrap: true, render: (r) => when(r.createdAt) },
          { key: 'at', header: st('scheduledFor'), nowrap: true, render: (r) => when(r.scheduledAt) },
          { key: 'by', header: st('createdBy'), nowrap: true, render: (r) => r.createdByName ?? '' },
          { key: 'text', header: st('text'), render: (r) => r.body },
          { key: 'status', header: st('state'), nowrap: true, render: (r) => st(`status.${r.status}` as Parameters<typeof st>[0]) },
          {
            key: 'progress',
            header: st('progress'),
            nowrap: true,
            render: (r) => `${st('delivered')} ${r.delivered} / ${r.total} · ${st('failed')} ${r.failed}${r.unknown ? ` · ${st('unknown')} ${r.unknown}` : ''}`,
          },
        ]}
      />
      {open !== null && (
        <Dialog title={`${st('batch')} #${open}`} onClose={() => setOpen(null)} width={760}>
          <BatchProgress batchId={open} />
        </Dialog>
      )}
    </div>
  );
}

/** 短信发送: typed numbers (customers are texted from the customer lists), then the history. */
export function SmsSendScreen() {
  const st = useSmsT();
  const [open, setOpen] = useState(false);
  return (
    <div className="screen sms-screen">
      <Toolbar title={st('sendPage')}>
        <Button variant="primary" onClick={() => setOpen(true)} data-testid="sms-manual-send">
          {st('button')}
        </Button>
      </Toolbar>
      <p className="muted">{st('sendPageHint')}</p>
      {open && <SmsSendDialog audience={{ count: 0 }} onClose={() => setOpen(false)} />}
      <SmsHistoryScreen />
    </div>
  );
}

/**
 * 短信模板 on the shared DataGrid (data set smsTemplates: sort, filter, group by category or
 * state, export); managers create, and edit or deactivate with a double-click, everyone reads.
 */
export function SmsTemplatesScreen() {
  const st = useSmsT();
  const session = useSessionInfo();
  const canEdit = ['salesManager', 'serviceManager', 'generalManager', 'admin'].includes(session.user.role);
  const gridRef = useRef<DataGridHandle>(null);
  const [editing, setEditing] = useState<Partial<SmsTemplateRow> | null>(null);
  // The grid row carries the shown columns only: the dialog edits the template as saved.
  const openRow = useCallback(
    (row: Record<string, unknown>) => {
      if (!canEdit) return;
      const id = Number(row.id);
      call('sms.templates', { activeOnly: false }).then(
        (all) => {
          const tpl = all.find((x) => x.id === id);
          if (tpl) setEditing(tpl);
        },
        () => undefined,
      );
    },
    [canEdit],
  );
  return (
    <div className="screen screen-fill sms-screen" data-testid="sms-templates">
      <Toolbar title={st('templates')}>
        <span className="muted small">{canEdit ? st('templatesHint') : st('templatesReadOnly')}</span>
        {canEdit && (
          <Button variant="primary" onClick={() => setEditing({ name: '', body: '', category: null, purpose: 'marketing', active: true })}>
            {st('newTemplate')}
          </Button>
        )}
      </Toolbar>
      <SessionDataGrid ref={gridRef} dataset="smsTemplates" scope="mine" onOpenRow={openRow} />
      {editing && (
        <TemplateDialog
          value={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            gridRef.current?.refresh();
          }}
        />
      )}
    </div>
  );
}

function TemplateDialog({ value, onClose, onSaved }: { value: Partial<SmsTemplateRow>; onClose: () => void; onSaved: () => void }) {
  const st = useSmsT();
  const [name, setName] = useState(value.name ?? '');
  const [body, setBody] = useState(value.body ?? '');
  const [category, setCategory] = useState(value.category ?? '');
  const [purpose, setPurpose] = useState<SmsPurpose>(value.purpose ?? 'marketing');
  const [active, setActive] = useState(value.active ?? true);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      await call('sms.template.save', { id: value.id ?? null, name, body, category: category || null, purpose, active });
      onSaved();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Dialog
      title={value.id ? st('edit') : st('newTemplate')}
      onClose={onClose}
      width={600}
      actions={
        <>
          <Button onClick={onClose}>{st('cancel')}</Button>
          <Button variant="primary" onClick={() => void save()}>
            {st('save')}
          </Button>
        </>
      }
    >
      <div className="form sms-form">
        <label className="field">
          <span className="field-label">{st('name')}</span>
          <input className="input" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{st('category')}</span>
          <input className="input" value={category} onChange={(e) => setCategory(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{st('purpose')}</span>
          <select className="input" value={purpose} onChange={(e) => setPurpose(e.target.value as SmsPurpose)} data-testid="template-purpose">
            <option value="service">{st('purpose.service')}</option>
            <option value="marketing">{st('purpose.marketing')}</option>
          </select>
          <span className="field-hint">{st('purposeHint')}</span>
        </label>
        <label className="field">
          <span className="field-label">{st('body')}</span>
          <textarea className="input" rows={4} value={body} onChange={(e) => setBody(e.target.value)} />
          <span className="field-hint">{st('fieldsHelp', { fields: MERGE_FIELDS.map((f) => `{${f}}`).join(' ') })}</span>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> {st('active')}
        </label>
        {error && (
          <div className="sms-error" role="alert">
            {error}
          </div>
        )}
      </div>
    </Dialog>
  );
}
