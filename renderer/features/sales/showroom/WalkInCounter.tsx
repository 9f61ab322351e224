import { useCallback, useEffect, useState } from 'react';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Button, useToast } from '../../../ui';
import { useSessionInfo } from '../../auth';
import { useDictionary } from '../../dictionaries';
import { problemsText } from '../../../ui/errors';

/**
 * 未留档客户 counter for today: one row per model, + / − save a batch of one at once; a typed count
 * saves the difference as one batch when the field is left (a negative batch corrects a miscount).
 */
export function WalkInCounter({ date, onSaved }: { date: string; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const { user } = useSessionInfo();
  const models = useDictionary('model');
  const [saved, setSaved] = useState<Record<string, number>>({});
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    const rows = await call('showroom.walkIns.list', { date, consultantId: user.id });
    setSaved(Object.fromEntries(rows.map((r) => [r.model, r.count])));
  }, [date, user.id]);
  useEffect(() => {
    load().catch(() => undefined);
  }, [load]);

  const add = async (model: string, count: number) => {
    if (count === 0) return;
    setBusy(model);
    try {
      const r = await call('showroom.walkIns.add', { date, model, count });
      setSaved((x) => ({ ...x, [model]: r.total }));
      setTyped((x) => {
        const next = { ...x };
        delete next[model];
        return next;
      });
      onSaved();
    } catch (e) {
      toast.error(problemsText(e));
      setTyped((x) => {
        const next = { ...x };
        delete next[model];
        return next;
      });
    } finally {
      setBusy(null);
    }
  };
  const commitTyped = (model: string) => {
    const raw = typed[model];
    if (raw === undefined) return;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) {
      toast.error(t('showroom.walkIn.badCount'));
      setTyped((x) => ({ ...x, [model]: String(saved[model] ?? 0) }));
      return;
    }
    void add(model, n - (saved[model] ?? 0));
  };
  const total = Object.values(saved).reduce((a, b) => a + b, 0);

  return (
    <section className="sr-walkins" aria-label={t('showroom.walkIn.title')} data-testid="walkin-counter">
      <h3 className="sr-h">
        {t('showroom.walkIn.title')} <span className="sr-muted">{t('showroom.walkIn.total', { date, n: total })}</span>
      </h3>
      <div className="sr-walkin-list">
        {models.map((m) => {
          const count = saved[m.code] ?? 0;
          return (
            <div key={m.code} className="sr-walkin" data-testid={`walkin-${m.code}`}>
              <span className="sr-walkin-model">{locale === 'en' ? m.en : m.zh}</span>
              <Button size="small" aria-label={t('showroom.walkIn.minus', { model: m.zh })} disabled={count <= 0 || busy === m.code} onClick={() => void add(m.code, -1)} data-testid={`walkin-${m.code}-minus`}>
                −
              </Button>
              <input
                className="input sr-walkin-count"
                inputMode="numeric"
                aria-label={t('showroom.walkIn.count', { model: m.zh })}
                value={typed[m.code] ?? String(count)}
                onChange={(e) => setTyped((x) => ({ ...x, [m.code]: e.target.value.trim() }))}
                onBlur={() => commitTyped(m.code)}
                onKeyDown={(e) => e.key === 'Enter' && commitTyped(m.code)}
                data-testid={`walkin-${m.code}-count`}
              />
              <Button size="small" aria-label={t('showroom.walkIn.plus', { model: m.zh })} disabled={busy === m.code} onClick={() => void add(m.code, 1)} data-testid={`walkin-${m.code}-plus`}>
                +
              </Button>
            </div>
          );
        })}
      </div>
    </section>
  );
}
