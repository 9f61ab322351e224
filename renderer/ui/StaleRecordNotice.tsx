import { useI18n } from '../i18n/react';
import { Button } from './Button';

/** One field of the form: its label, the value someone else saved (current) and what the user typed. */
export interface StaleField {
  key: string;
  label: string;
  theirs: string;
  mine: string;
  /** The other save changed this field (it differs from what the form had loaded): marked in the list. */
  changed?: boolean;
}

/**
 * Shown when a save was refused because someone else saved the record since the form loaded it
 * (STALE_RECORD): the server's message, then each field where the saved value and the user's
 * differ, side by side, so a front-desk user sees what changed without losing what they typed.
 * "Load the current values" puts the saved values into the form; the user's stay listed here.
 */
export function StaleRecordNotice({
  message,
  fields,
  loaded,
  onUseLatest,
  mineLabel,
}: {
  message: string;
  fields: readonly StaleField[];
  loaded?: boolean;
  onUseLatest?: () => void;
  /** The right column's header: what the user typed (default), or for an action what they had opened. */
  mineLabel?: string;
}) {
  const { t } = useI18n();
  const differing = fields.filter((f) => f.theirs !== f.mine);
  const show = (v: string) => (v.trim() === '' ? t('stale.empty') : v);
  return (
    <div className="form-message form-message-error stale-notice" role="alert" data-testid="stale-notice">
      <div className="stale-notice-message">{message}</div>
      {differing.length ? (
        <table className="table stale-notice-table">
          <thead>
            <tr>
              <th scope="col">{t('stale.field')}</th>
              <th scope="col">{t('stale.theirs')}</th>
              <th scope="col">{mineLabel ?? t('stale.mine')}</th>
            </tr>
          </thead>
          <tbody>
            {differing.map((f) => (
              <tr key={f.key} data-testid={`stale-field-${f.key}`}>
                <th scope="row">
                  {f.label}
                  {f.changed && <span className="stale-notice-changed">{t('stale.changed')}</span>}
                </th>
                <td data-testid="stale-theirs">{show(f.theirs)}</td>
                <td data-testid="stale-mine">{show(f.mine)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <div>{t('stale.same')}</div>
      )}
      <div className="stale-notice-actions">
        <span>{loaded ? t('stale.usedLatest') : onUseLatest ? t('stale.hint') : t('stale.hintAction')}</span>
        {onUseLatest && !loaded && (
          <Button size="small" onClick={onUseLatest} data-testid="stale-use-latest">
            {t('stale.useLatest')}
          </Button>
        )}
      </div>
    </div>
  );
}
