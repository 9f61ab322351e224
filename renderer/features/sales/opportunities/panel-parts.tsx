import type { OpportunityDetail } from '../../../../electron/common/api/sales';
import { STAGES, stageIndex, type StageCode } from '../../../../electron/common/stages';
import { formatDateTime } from '../../../i18n';
import { useI18n } from '../../../i18n/react';

/** The small pieces of the opportunity panel's markup, shared by its sections (label / value pairs: ui/DetailList). */

/** A time as the panel shows it; empty for none. */
export const when = (ms: number | null | undefined) => (ms == null ? '' : formatDateTime(ms));

/** The six stages with their probability; the current one marked; a click moves there. */
export function StageBar({ detail, onPick }: { detail: OpportunityDetail; onPick: (code: StageCode) => void }) {
  const { locale } = useI18n();
  const current = stageIndex(detail.stage);
  const open = detail.status === 'open';
  return (
    <ol className="opp-stagebar" data-testid="opp-stagebar">
      {STAGES.map((s, i) => (
        <li key={s.code}>
          <button
            type="button"
            className={`opp-stage${i < current ? ' is-done' : ''}${i === current ? ' is-current' : ''}`}
            aria-current={i === current ? 'step' : undefined}
            disabled={!open || i === current}
            data-stage={s.code}
            onClick={() => onPick(s.code)}
          >
            <span className="opp-stage-name">{locale === 'en' ? s.en : s.zh}</span>
            <span className="opp-stage-prob">{s.probability}%</span>
          </button>
        </li>
      ))}
    </ol>
  );
}

/** 'Stage name 40%' in the user's language; an unknown code as it is. */
export function useStageLabel(): (code: string | null) => string {
  const { locale } = useI18n();
  return (code) => {
    const s = STAGES.find((x) => x.code === code);
    return s ? `${locale === 'en' ? s.en : s.zh} ${s.probability}%` : (code ?? '');
  };
}
