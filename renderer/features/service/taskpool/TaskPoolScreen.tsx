import { useEffect, useRef, useState } from 'react';
import { TASK_PRIORITIES, taskPriorityText, type TaskPriority } from '../../../../electron/common/api/service-texts';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Button, Dialog, DialogActions, FormMessage, SelectField, Toolbar, useSubmit, useToast } from '../../../ui';
import { SessionDataGrid, type DataGridHandle, type DataGridSelection } from '../../../ui/grid';
import './taskpool.css';

type Preset = 'unassigned' | 'open' | '';

/**
 * 任务分配 (customer-service managers): every agent task on the shared grid — by default the open
 * tasks nobody has yet, where the night's generated tasks wait — and 分配 of the ticked rows or
 * all N matching to one agent or spread evenly over several; 设优先级 of the same selection.
 */
export function TaskPoolScreen() {
  const { t } = useI18n();
  const [preset, setPreset] = useState<Preset>('unassigned');
  const [sel, setSel] = useState<DataGridSelection>({ selection: null, count: 0 });
  const [open, setOpen] = useState<'assign' | 'priority' | null>(null);
  const grid = useRef<DataGridHandle>(null);
  const done = () => {
    setOpen(null);
    grid.current?.clearSelection();
    grid.current?.refresh();
  };
  return (
    <div className="screen screen-fill taskpool-screen" data-testid="taskpool-screen">
      <Toolbar title={t('nav.service.taskPool')}>
        <SelectField
          label=""
          value={preset}
          onChange={(v) => setPreset(v as Preset)}
          options={[
            { value: 'unassigned', label: t('tp.preset.unassigned') },
            { value: 'open', label: t('tp.preset.open') },
            { value: '', label: t('tp.preset.all') },
          ]}
          data-testid="tp-preset"
        />
        <span className="muted">{t('tp.hint')}</span>
      </Toolbar>
      <SessionDataGrid
        ref={grid}
        dataset="serviceTasks"
        scope="all"
        preset={preset || undefined}
        onSelectionChange={setSel}
        actions={
          <>
            <Button disabled={!sel.selection} onClick={() => setOpen('priority')} data-testid="tp-priority">
              {sel.selection ? t('tp.priorityN', { n: sel.count.toLocaleString() }) : t('tp.priority')}
            </Button>
            <Button variant="primary" disabled={!sel.selection} onClick={() => setOpen('assign')} data-testid="tp-assign">
              {sel.selection ? t('tp.assignN', { n: sel.count.toLocaleString() }) : t('tp.assign')}
            </Button>
          </>
        }
      />
      {open === 'assign' && sel.selection && <AssignDialog selection={sel} onClose={() => setOpen(null)} onDone={done} />}
      {open === 'priority' && sel.selection && <PriorityDialog selection={sel} onClose={() => setOpen(null)} onDone={done} />}
    </div>
  );
}

function AssignDialog({ selection, onClose, onDone }: { selection: DataGridSelection; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const [agents, setAgents] = useState<{ id: number; name: string }[]>([]);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const { busy, error, setError, run } = useSubmit();
  useEffect(() => {
    call('workbench.agents', {}).then(setAgents, () => setAgents([]));
  }, []);
  const toggle = (id: number, on: boolean) => {
    const next = new Set(picked);
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
    setError(null);
  };
  const submit = async () => {
    if (!selection.selection) return;
    if (picked.size === 0) return setError(t('tp.pickAgents'));
    const sel = selection.selection;
    await run(async () => {
      const r = await call('taskPool.assign', { selection: sel, agentIds: agents.filter((a) => picked.has(a.id)).map((a) => a.id) });
      const each = r.perAgent.map((p) => `${p.name} ${p.assigned}`).join('、');
      toast.success(t('tp.done', { n: r.assigned.toLocaleString(), each }) + (r.skippedClosed ? t('tp.skippedClosed', { n: r.skippedClosed }) : ''));
      onDone();
    });
  };
  const share = picked.size ? Math.ceil(selection.count / picked.size) : 0;
  return (
    <Dialog
      title={t('tp.title', { n: selection.count.toLocaleString() })}
      onClose={onClose}
      closeLabel={t('common.close')}
      actions={<DialogActions onCancel={onClose} onSubmit={() => void submit()} submitLabel={t('tp.submit')} busy={busy} testId="tp-submit" />}
    >
      <div className="form" data-testid="tp-dialog">
        <p className="hint">{t('tp.rule')}</p>
        <fieldset className="tp-agents">
          <legend>{t('tp.agents')}</legend>
          {agents.map((a) => (
            <label key={a.id} className="tp-agent">
              <input type="checkbox" checked={picked.has(a.id)} onChange={(e) => toggle(a.id, e.target.checked)} /> {a.name}
            </label>
          ))}
        </fieldset>
        {picked.size > 0 && <p className="hint">{t('tp.share', { k: picked.size, n: share.toLocaleString() })}</p>}
        <FormMessage>{error}</FormMessage>
      </div>
    </Dialog>
  );
}

/** 设优先级: one priority for the selected tasks (the grid's ticked rows or all N matching). */
function PriorityDialog({ selection, onClose, onDone }: { selection: DataGridSelection; onClose: () => void; onDone: () => void }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const [priority, setPriority] = useState<TaskPriority>(2);
  const { busy, error, run } = useSubmit();
  const submit = async () => {
    const sel = selection.selection;
    if (!sel) return;
    await run(async () => {
      const r = await call('taskPool.prioritize', { selection: sel, priority });
      toast.success(t('tp.priority.done', { n: r.changed.toLocaleString(), p: taskPriorityText(priority, locale) }) + (r.skippedClosed ? t('tp.skippedClosed', { n: r.skippedClosed }) : ''));
      onDone();
    });
  };
  return (
    <Dialog
      title={t('tp.priority.title', { n: selection.count.toLocaleString() })}
      onClose={onClose}
      closeLabel={t('common.close')}
      actions={<DialogActions onCancel={onClose} onSubmit={() => void submit()} submitLabel={t('tp.priority')} busy={busy} testId="tp-priority-submit" />}
    >
      <div className="form" data-testid="tp-priority-dialog">
        <SelectField
          label={t('tp.priority.label')}
          value={String(priority)}
          onChange={(v) => setPriority(Number(v) as TaskPriority)}
          options={[...TASK_PRIORITIES].reverse().map((p) => ({ value: String(p), label: taskPriorityText(p, locale) }))}
          data-testid="tp-priority-value"
        />
        <p className="hint">{t('tp.priority.rule')}</p>
        <FormMessage>{error}</FormMessage>
      </div>
    </Dialog>
  );
}
