import { LOCALES, translate } from '../i18n';
import { useI18n } from '../i18n/react';

/** 中文 | English, each label in its own language so anyone can find theirs. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className={`langswitch${compact ? ' is-compact' : ''}`} role="group" aria-label={t('lang.label')}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className={`langswitch-option${l === locale ? ' is-active' : ''}`}
          aria-pressed={l === locale}
          onClick={() => l !== locale && setLocale(l)}
        >
          {translate(l, l === 'en' ? 'lang.en' : 'lang.zh-CN')}
        </button>
      ))}
    </div>
  );
}
