import { useI18n } from '../i18n/react';

/** Shown when no tab is open. */
export function HomePanel({ displayName }: { displayName: string }) {
  const { t } = useI18n();
  return (
    <section className="home">
      <h2 className="home-title">{t('shell.home.title', { name: displayName })}</h2>
      <p>{t('shell.home.body')}</p>
      <p className="muted">{t('shell.home.shortcuts')}</p>
    </section>
  );
}
