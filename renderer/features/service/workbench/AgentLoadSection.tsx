import { useState } from 'react';
import type { AgentLoad } from '../../../../electron/common/api/workbench';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Button, SelectField, Table, useToast } from '../../../ui';
import { errorText } from '../../../ui/errors';

/**
 * A manager's part of the workbench: every agent's open and overdue tasks by kind, and moving tasks
 * to another agent — the ticked rows, or all of one agent's (once per agent, on their first row).
 * Refusals go to the screen's message line (`onError`); a move reloads the workbench (`onMoved`).
 */
export function AgentLoadSection(props: {
  load: AgentLoad[];
  agents: { id: number; name: string }[];
  selected: Set<number>;
  kindLabel: (kind: string) => string;
  onMoved: () => void;
  onError: (message: string) => void;
}) {
  const { load, agents, selected, kindLabel, onMoved, onError } = props;
  const { t } = useI18n();
  const toast = useToast();
  const [target, setTarget] = useState('');

  const reassign = async (input: { taskIds: number[] } | { fromAgentId: number }) => {
    if (!target) return onError(t('cw.reassign.pickTarget'));
    try {
      const r = await call('workbench.reassign', { ...input, toAgentId: Number(target) });
      toast.success(t('cw.reassign.done', { n: r.moved }));
      onMoved();
    } catch (e) {
      onError(errorText(e));
    }
  };
  const agentName = (id: number | null) => (id === null ? t('cw.unassigned') : (agents.find((a) => a.id === id)?.name ?? String(id)));

  return (
    <section className="cw-load" data-testid="workbench-load">
      <h4>{t('cw.load')}</h4>
      <div className="cw-row">
        <SelectField label={t('cw.reassign.to')} value={target} onChange={setTarget} options={[{ value: '', label: '—' }, ...agents.map((a) => ({ value: String(a.id), label: a.name }))]} data-testid="reassign-target" />
        <Button disabled={selected.size === 0} onClick={() => void reassign({ taskIds: [...selected] })} data-testid="reassign-selected">
          {t('cw.reassign.selected', { n: selected.size })}
        </Button>
      </div>
      <Table
        aria-label={t('cw.load')}
        columns={[
          { key: 'agent', header: t('cw.agent'), render: (r: AgentLoad) => r.agentName ?? agentName(r.agentId) },
          { key: 'kind', header: t('cw.kind'), render: (r: AgentLoad) => kindLabel(r.kind) },
          { key: 'open', header: t('cw.open'), align: 'right', render: (r: AgentLoad) => r.open },
          { key: 'overdue', header: t('cw.overdue'), align: 'right', render: (r: AgentLoad) => r.overdue },
          {
            key: 'all',
            header: '',
            // Once per agent (on their first row): it moves all of that agent's open tasks.
            render: (r: AgentLoad) =>
              r.agentId !== null && load.find((x) => x.agentId === r.agentId) === r ? (
                <Button size="small" onClick={() => void reassign({ fromAgentId: r.agentId! })} data-testid={`reassign-all-${r.agentId}`}>
                  {t('cw.reassign.all')}
                </Button>
              ) : null,
          },
        ]}
        rows={load}
        rowKey={(r) => `${r.agentId ?? 0}:${r.kind}`}
      />
    </section>
  );
}
