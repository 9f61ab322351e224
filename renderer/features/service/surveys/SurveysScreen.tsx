import { useEffect, useRef, useState } from 'react';
import type { Scope } from '../../../../electron/common/api/grid';
import { SURVEY_ROLES } from '../../../../electron/common/api/surveys';
import { useI18n } from '../../../i18n/react';
import { call } from '../../../api';
import { SelectField, Toolbar } from '../../../ui';
import { SessionDataGrid, ScopePicker, useScopes, type DataGridHandle } from '../../../ui/grid';
import { useSessionInfo } from '../../auth';
import { ImportPanel } from './ImportPanel';
import './surveys.css';

const COLUMNS = ['surveyDate', 'kind', 'customerName', 'phone', 'plate', 'score', 'dissatisfied', 'followUp', 'comment'];
const SORT = [{ col: 'id', dir: 'desc' as const }];

/**
 * 满意度调查 (CSI / SSI): the CS manager imports the manufacturer's results and reads them in the
 * grid; low scores have already become 低分跟进 tasks on the agents' workbench.
 */
export function SurveysScreen() {
  const { t } = useI18n();
  const session = useSessionInfo();
  const grid = useRef<DataGridHandle>(null);
  const scopes = useScopes();
  const [scope, setScope] = useState<Scope | null>(null);
  // Each import belongs to whoever ran it; the desk reads every result: start on 全部 when allowed.
  useEffect(() => {
    if (scope === null && scopes.length > 1) setScope(scopes.includes('all') ? 'all' : scopes[scopes.length - 1]!);
  }, [scopes, scope]);
  const current: Scope = scope ?? 'mine';
  const [agents, setAgents] = useState<{ id: number; name: string }[]>([]);
  const [assignee, setAssignee] = useState('');
  const importer = SURVEY_ROLES.includes(session.user.role);
  useEffect(() => {
    if (importer) call('workbench.agents', {}).then(setAgents, () => setAgents([]));
  }, [importer]);
  return (
    <div className="screen screen-fill" data-testid="surveys-screen">
      <Toolbar title={t('nav.service.surveys')}>
        <ScopePicker scopes={scopes} value={current} onChange={setScope} />
      </Toolbar>
      {/* Importing is the CS manager's job (the API refuses others); everyone else only reads. */}
      {SURVEY_ROLES.includes(session.user.role) && (
        <ImportPanel method="surveys.import" hint={t('care.surveys.hint')} onImported={() => grid.current?.refresh()} testId="survey-import" assigneeId={assignee ? Number(assignee) : null}>
          <SelectField
            label={t('care.surveys.assignee')}
            value={assignee}
            onChange={setAssignee}
            options={[{ value: '', label: t('care.surveys.unassigned') }, ...agents.map((a) => ({ value: String(a.id), label: a.name }))]}
            data-testid="survey-assignee"
          />
        </ImportPanel>
      )}
      <SessionDataGrid ref={grid} dataset="surveys" scope={current} scopes={scopes} onScopeChange={setScope} initialColumns={COLUMNS} initialSort={SORT} />
    </div>
  );
}
