import { useI18n } from '../i18n/react';
import { screenDescriptionKey, screenLabelKey, type ScreenId } from './modules';

/** An honest panel for a screen that a later version builds: what it will do, nothing pretended. */
export function PlaceholderPanel({ id }: { id: ScreenId }) {
  const { t } = useI18n();
  return (
    <section className="placeholder" aria-labelledby={`ph-${id}`}>
      <h2 id={`ph-${id}`} className="placeholder-name">
        {t(screenLabelKey(id))}
      </h2>
      <p className="placeholder-title">{t('shell.placeholder.title')}</p>
      <h3 className="placeholder-what">{t('shell.placeholder.what')}</h3>
      <p className="placeholder-desc">{t(screenDescriptionKey(id))}</p>
    </section>
  );
}
