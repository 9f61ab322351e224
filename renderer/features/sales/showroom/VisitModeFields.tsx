import { isFirstVisitMode, VISIT_MODES } from '../../../../electron/common/api/showroom';
import { useI18n } from '../../../i18n/react';
import { SelectField, TextField } from '../../../ui';

/** The visit mode (1–4) and the first-visit flag that follows from it (read-only): one pair for registering and correcting a visit. */
export function VisitModeFields({ mode, onChange, errors }: { mode: string; onChange: (mode: string) => void; errors: Record<string, string> }) {
  const { t, locale } = useI18n();
  const first = isFirstVisitMode(Number(mode));
  return (
    <>
      <SelectField
        label={t('showroom.f.mode')}
        name="mode"
        value={mode}
        onChange={onChange}
        options={VISIT_MODES.map((m) => ({ value: String(m.mode), label: `${m.mode} ${locale === 'en' ? m.en : m.zh}` }))}
        error={errors.mode}
      />
      <TextField label={t('showroom.f.firstVisit')} name="firstVisit" value={first ? t('showroom.yes') : t('showroom.no')} onChange={() => undefined} readOnly hint={t('showroom.f.firstVisitHint')} error={errors.firstVisit} data-testid="visit-first" />
    </>
  );
}
