import { useState } from 'react';
import type { FailingChecks as Failing } from '../../../electron/common/api/self-audit';
import { call } from '../../api';
import { useI18n, usePrefixedT } from '../../i18n/react';
import { FormMessage } from '../../ui';
import { errorText } from '../../ui/errors';
import { useLoad } from '../../ui/use-load';

/** The home screen's part for the CRM and general managers: the audit checks that fail today (审核自查 has the records). */
export function FailingChecks() {
  const t = usePrefixedT('selfAudit.');
  const { locale } = useI18n();
  const [v, setV] = useState<Failing | null>(null);
  const [error, setError] = useState<string | null>(null);
  useLoad(() => call('selfAudit.failing', {}), [], setV, (e) => setError(errorText(e)));
  return (
    <section className="card-section" data-testid="home-audit">
      <h3>{t('home.title')}</h3>
      <FormMessage>{error}</FormMessage>
      {v &&
        (v.checks.length === 0 ? (
          <p className="muted">{t('home.none')}</p>
        ) : (
          <ul className="card-list">
            {v.checks.map((c) => (
              <li key={c.no} data-testid={`home-audit-${c.no}`}>
                {c.no}. {t('home.item', { rule: locale === 'en' ? c.rule.en : c.rule.zh, count: c.numerator })}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
