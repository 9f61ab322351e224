import { useEffect, useState } from 'react';
import type { RevisitContext } from '../../../../electron/common/api/revisits';
import type { WorkbenchRow } from '../../../../electron/common/api/workbench';
import { call } from '../../../api';
import { usePrefixedT } from '../../../i18n/react';
import { revisitOf } from '../../service';

/**
 * A revisit task's questionnaire on the dialer's card, to read from during the call: the first
 * active template's questions and what the visit was (repair items, RO number). The answers are
 * taken in the revisit form that opens when the call ends.
 */
export function RevisitQuestions({ row }: { row: WorkbenchRow }) {
  const tx = usePrefixedT('dialer.');
  const [ctx, setCtx] = useState<RevisitContext | null>(null);
  const rv = revisitOf(row);
  const kind = rv?.kind;
  const eventId = rv?.eventId;
  useEffect(() => {
    setCtx(null);
    if (kind && eventId) call('revisits.open', { kind, eventId }).then(setCtx, () => setCtx(null));
  }, [kind, eventId]);
  const tpl = ctx?.templates.find((t) => t.active) ?? ctx?.templates[0];
  if (!rv || !ctx || !tpl) return null;
  return (
    <div className="dialer-questions" data-testid="dialer-questions">
      <h3>{tx('card.questions', { name: tpl.name })}</h3>
      {ctx.items && <p className="muted">{tx('card.items', { items: ctx.items, ro: ctx.roNumber ?? '' })}</p>}
      <ol>
        {tpl.questions.map((q) => (
          <li key={q.id}>
            {q.text} <span className="muted">({q.options.map((o) => o.label).join(' / ')})</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
