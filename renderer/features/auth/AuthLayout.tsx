import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../ui';
import { useI18n } from '../../i18n/react';
import { MODULES } from '../../../electron/common/roles';
import { moduleLabelKey } from '../../shell/modules';

/** The frame of the pages before the main window: brand on the left, the form card on the right. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="auth-page">
      <div className="auth-card">
        <div className="auth-brand">
          <div className="brand-mark" aria-hidden="true">
            DS
          </div>
          <div>
            <div className="auth-brand-name">{t('app.title')}</div>
            <div className="auth-brand-sub">{t('app.subtitle')}</div>
          </div>
          <ul className="auth-brand-modules">
            {MODULES.map((m) => (
              <li key={m}>{t(moduleLabelKey(m))}</li>
            ))}
          </ul>
        </div>
        <div className="auth-form">
          <div className="auth-form-head">
            <h1 className="auth-title">{title}</h1>
            <LanguageSwitch compact />
          </div>
          {children}
        </div>
      </div>
    </div>
  );
}
