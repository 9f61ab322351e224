import { useCallback, useEffect, useRef, useState } from 'react';
import type { SolicitationRateRow, SolicitationRates } from '../../../../electron/common/api/solicitation';
import { call, upload } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Button, FormMessage, SelectField, Table, TabStrip, TextField, Toolbar, useToast } from '../../../ui';
import { SessionDataGrid, type DataGridHandle } from '../../../ui/grid';
import { useSessionInfo } from '../../auth';
import { SolicitationOutcomeDialog } from './SolicitationOutcomeDialog';
import { useRecordRequest } from '../../../shell/navigation';
import './solicitation.css';
import { problemsText } from '../../../ui/errors';

type View = 'tasks' | 'rates' | 'generate';
type Preset = '' | 'auditPeriod' | 'pulling';
const MANAGERS = ['serviceManager', 'generalManager', 'admin'];

const pct = (v: number | null) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);

/** 招揽任务: the task list (grid, export for the audit), 招揽率 / 成功率 per agent with the tasks pulling it down, and generation. */
export function SolicitationScreen() {
  const { t } = useI18n();
  const session = useSessionInfo();
  const manager = MANAGERS.includes(session.user.role);
  const [view, setView] = useState<View>('tasks');
  const [preset, setPreset] = useState<Preset>(manager ? 'auditPeriod' : '');
  const [open, setOpen] = useState<{ id: number; status: string } | null>(null);
  // A task another screen opened (审核自查 check 5): its outcome form, on the task list.
  useRecordRequest('service.solicitation', (r) => {
    if (r.kind !== 'row') return;
    setView('tasks');
    if (typeof r.row.status === 'string') setOpen({ id: r.id, status: r.row.status });
  });
  const grid = useRef<DataGridHandle>(null);
  const tabs = [{ id: 'tasks', label: t('sol.tab.tasks') }, ...(manager ? [{ id: 'rates', label: t('sol.tab.rates') }, { id: 'generate', label: t('sol.tab.generate') }] : [])];

  return (
    <div className="screen sol-screen" data-testid="sol-screen">
      <TabStrip tabs={tabs} activeId={view} onSelect={(id) => setView(id as View)} aria-label={t('nav.service.solicitation')} />
      {view === 'tasks' && (
        <>
          <Toolbar>
            <SelectField
              label=""
              value={preset}
              onChange={setPreset}
              options={[
                { value: '', label: t('sol.preset.all') },
                { value: 'auditPeriod', label: t('sol.preset.audit') },
                { value: 'pulling', label: t('sol.preset.pulling') },
              ]}
              data-testid="sol-preset"
            />
            <span className="sol-muted">{manager ? t('sol.exportHint') : t('sol.successAuto')}</span>
          </Toolbar>
          <SessionDataGrid
            ref={grid}
            dataset="solicitationTasks"
            scope={manager ? 'all' : 'mine'}
            preset={preset || undefined}
            onOpenRow={(r) => setOpen({ id: Number(r.id), status: String(r.status) })}
          />
        </>
      )}
      {view === 'rates' && manager && <RatesPanel />}
      {view === 'generate' && manager && <GeneratePanel />}
      {open && (
        <SolicitationOutcomeDialog
          task={open}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            grid.current?.refresh();
          }}
        />
      )}
    </div>
  );
}

function RatesPanel() {
  const { t } = useI18n();
  const toast = useToast();
  const [data, setData] = useState<SolicitationRates | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [agents, setAgents] = useState<{ id: number; name: string }[]>([]);
  const [agentId, setAgentId] = useState('');
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const load = useCallback(() => {
    call('solicitation.rates', {}).then(setData, (e) => setMessage(problemsText(e)));
  }, []);
  useEffect(() => {
    load();
    call('solicitation.agents', {}).then(setAgents, () => setAgents([]));
  }, [load]);
  const assign = () =>
    call('solicitation.assign', { ids: [...picked], agentId: Number(agentId) }).then(
      (r) => {
        toast.show(t('sol.assigned', { n: r.updated }));
        setPicked(new Set());
        load();
      },
      (e) => toast.show(problemsText(e), 'error'),
    );
  if (!data) return <FormMessage>{message}</FormMessage>;
  const rows: (SolicitationRateRow & { key: string })[] = [...data.perAgent.map((r) => ({ ...r, key: String(r.agentId) })), { ...data.overall, key: 'overall' }];
  return (
    <div className="sol-rates" data-testid="sol-rates">
      <p>{t('sol.period', { from: data.from, to: data.to })}</p>
      <Table
        aria-label={t('sol.tab.rates')}
        rows={rows}
        rowKey={(r) => r.key}
        columns={[
          { key: 'agent', header: t('sol.agent'), render: (r) => (r.key === 'overall' ? <strong>{t('sol.overall')}</strong> : (r.agentName ?? t('sol.unassignedAgent'))) },
          { key: 'total', header: t('sol.total'), render: (r) => String(r.total), align: 'right' },
          { key: 'u', header: t('sol.state.unassigned'), render: (r) => String(r.unassigned), align: 'right' },
          { key: 'a', header: t('sol.state.assigned'), render: (r) => String(r.assigned), align: 'right' },
          { key: 'p', header: t('sol.state.in_progress'), render: (r) => String(r.inProgress), align: 'right' },
          { key: 's', header: t('sol.state.succeeded'), render: (r) => String(r.succeeded), align: 'right' },
          { key: 'f', header: t('sol.state.failed'), render: (r) => String(r.failed), align: 'right' },
          { key: 'rate', header: t('sol.rate'), render: (r) => <span data-testid={`sol-rate-${r.key}`}>{pct(r.solicitationRate)}</span>, align: 'right' },
          { key: 'succ', header: t('sol.successRate'), render: (r) => <span data-testid={`sol-success-${r.key}`}>{pct(r.successRate)}</span>, align: 'right' },
          { key: 'pass', header: '', render: (r) => (r.total ? <span className={r.passes ? 'sol-pass' : 'sol-fail'}>{r.passes ? t('sol.pass') : t('sol.fail')}</span> : '') },
        ]}
      />
      <h3>{t('sol.pulling')}</h3>
      <div className="sol-assign">
        <SelectField label={t('sol.assignTo')} value={agentId} onChange={setAgentId} options={[{ value: '', label: '—' }, ...agents.map((a) => ({ value: String(a.id), label: a.name }))]} />
        <Button variant="primary" disabled={!agentId || picked.size === 0} onClick={assign}>
          {t('sol.assign')}
        </Button>
      </div>
      <Table
        aria-label={t('sol.pulling')}
        rows={data.pulling}
        rowKey={(r) => r.id}
        empty={t('ap.empty')}
        columns={[
          {
            key: 'pick',
            header: '',
            render: (r) => (
              <input
                type="checkbox"
                aria-label={`#${r.id}`}
                checked={picked.has(r.id)}
                onChange={(e) => {
                  const next = new Set(picked);
                  if (e.target.checked) next.add(r.id);
                  else next.delete(r.id);
                  setPicked(next);
                }}
              />
            ),
          },
          { key: 'id', header: '#', render: (r) => String(r.id) },
          { key: 'customer', header: t('ap.customer'), render: (r) => r.customerName },
          { key: 'plate', header: t('ap.vehicle'), render: (r) => r.plate ?? '' },
          { key: 'window', header: t('sol.window'), render: (r) => `${r.windowStart} – ${r.windowEnd}`, nowrap: true },
          { key: 'status', header: t('sol.status'), render: (r) => t(`sol.state.${r.status}` as 'sol.state.assigned') },
          { key: 'agent', header: t('sol.agent'), render: (r) => r.assigneeName ?? '' },
          { key: 'created', header: t('sol.created'), render: (r) => r.createdDate, nowrap: true },
        ]}
      />
    </div>
  );
}

function GeneratePanel() {
  const { t } = useI18n();
  const toast = useToast();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [days, setDays] = useState('15');
  const [message, setMessage] = useState<string | null>(null);
  const go = () => {
    setMessage(null);
    call('solicitation.generate', { from, to, windowDays: Number(days) }).then(
      (r) => toast.show(t('sol.generated', { created: r.created, existing: r.existing, dnd: r.dndExcluded })),
      (e) => setMessage(problemsText(e)),
    );
  };
  return (
    <div className="sol-form">
      <Toolbar>
        <TextField type="date" label={t('sol.from')} value={from} onChange={setFrom} />
        <TextField type="date" label={t('sol.to')} value={to} onChange={setTo} />
        <TextField type="number" label={t('sol.windowDays')} value={days} onChange={setDays} min={0} max={60} />
        <Button variant="primary" disabled={!from || !to} onClick={go}>
          {t('sol.generate')}
        </Button>
      </Toolbar>
      <FormMessage>{message}</FormMessage>
      <CampaignImport />
    </div>
  );
}

/** 厂家招揽活动: a manufacturer's list (.xlsx / .csv with a VIN or 车牌 column) → unassigned campaign tasks. */
function CampaignImport() {
  const { t } = useI18n();
  const toast = useToast();
  const [campaign, setCampaign] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const go = async () => {
    if (!file) return;
    setMessage(null);
    upload(file)
      .then((uploadId) => call('solicitation.importCampaign', { campaign, windowStart: from, windowEnd: to, uploadId }))
      .then(
      (r) => {
        toast.show(t('sol.imported', { rows: r.rows, created: r.created, existing: r.existing, unmatched: r.unmatchedCount, dnd: r.dndExcluded }));
        if (r.unmatched.length) setMessage(t('sol.unmatched', { list: r.unmatched.map((u) => `#${u.row} ${u.value}`).join(', ') }));
      },
      (e) => setMessage(problemsText(e)),
    );
  };
  return (
    <div className="sol-form">
      <h3>{t('sol.import')}</h3>
      <Toolbar>
        <TextField label={t('sol.campaign')} value={campaign} onChange={setCampaign} maxLength={60} />
        <TextField type="date" label={t('sol.windowFrom')} value={from} onChange={setFrom} />
        <TextField type="date" label={t('sol.to')} value={to} onChange={setTo} />
        <input type="file" accept=".xlsx,.csv" aria-label={t('sol.import')} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <Button variant="primary" disabled={!file || !campaign || !from || !to} onClick={() => void go()}>
          {t('sol.importGo')}
        </Button>
      </Toolbar>
      <FormMessage>{message}</FormMessage>
    </div>
  );
}
