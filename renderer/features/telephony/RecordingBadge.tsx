import { useState } from 'react';
import { CALL_OUTCOMES } from '../../../electron/common/api/telephony';
import { CALL_END } from '../../../electron/common/api/telephony-texts';
import { telText } from './i18n';

/** A call's outcome in the user's language (technical end or the agent's business outcome). */
export function callOutcomeLabel(outcome: string | null, locale: string): string {
  if (!outcome) return '';
  const business = CALL_OUTCOMES.find((o) => o.value === outcome);
  if (business) return locale === 'en' ? business.en : business.zh;
  return Object.hasOwn(CALL_END.table, outcome) ? CALL_END.text(outcome as keyof typeof CALL_END.table, locale) : outcome;
}

/** The card's "recording" cell: a badge that opens an inline player (the server checks the right to listen). */
export function RecordingBadge({ recordingId, label, locale, uploading = false }: { recordingId: number; label: string; locale: string; uploading?: boolean }) {
  const [open, setOpen] = useState(false);
  // Recorded on a client seat and not yet all on the host: nothing to play until it is.
  if (uploading)
    return (
      <span className="badge muted" title={telText(locale, 'rec.uploadingHint')} data-testid="card-recording-uploading">
        ⇡ {telText(locale, 'rec.uploading')}
      </span>
    );
  if (open) return <audio src={`/media/recordings/${recordingId}`} controls autoPlay preload="metadata" className="tel-inline-player" data-testid="card-recording-player" />;
  return (
    <button type="button" className="badge link" onClick={() => setOpen(true)} title={telText(locale, 'rec.play')}>
      ▶ {label}
    </button>
  );
}
