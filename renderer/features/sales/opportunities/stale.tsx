import type { OpportunityDetail } from '../../../../electron/common/api/sales';
import { STAGES } from '../../../../electron/common/stages';
import { useI18n } from '../../../i18n/react';
import { StaleRecordNotice } from '../../../ui';
import { useDictionary } from '../../dictionaries';
import { dictLabelOf } from './form-bits';

type Key = 'stage' | 'status' | 'consultantName' | 'source' | 'model' | 'price' | 'expectedPurchaseDate';
const KEYS: readonly Key[] = ['stage', 'status', 'consultantName', 'source', 'model', 'price', 'expectedPurchaseDate'];

/** The fields of an opportunity a user reads, as text: what a stale save compares side by side. */
function asText(d: Pick<OpportunityDetail, Key>, k: Key, label: { stage: (c: string) => string; status: (s: string) => string; source: (s: string) => string; model: (m: string) => string }): string {
  if (k === 'stage') return label.stage(d.stage);
  if (k === 'status') return label.status(d.status);
  if (k === 'source') return label.source(d.source);
  if (k === 'model') return d.model ? label.model(d.model) : '';
  if (k === 'price') return d.price == null ? '' : String(d.price);
  return d[k] ?? '';
}

/**
 * An opportunity dialog's save was refused because someone else changed the opportunity since the
 * panel loaded it: the current values next to the user's — the form's values where the dialog edits
 * a field (`mine`), else what they had opened — so they can decide before saving again.
 */
export function OpportunityStaleNotice({
  message,
  opened,
  current,
  mine,
}: {
  message: string;
  opened: OpportunityDetail;
  current: OpportunityDetail;
  mine?: Partial<Pick<OpportunityDetail, Key>>;
}) {
  const { t, locale } = useI18n();
  const models = useDictionary('model');
  const label = {
    stage: (c: string) => {
      const s = STAGES.find((x) => x.code === c);
      return s ? `${locale === 'en' ? s.en : s.zh} ${s.probability}%` : c;
    },
    status: (s: string) => t(`opp.status.${s as 'open' | 'won' | 'abandoned'}`),
    source: (s: string) => t(`opp.source.${s as 'showroom'}`),
    model: (m: string) => {
      const d = models.find((x) => x.code === m);
      return d ? dictLabelOf(d, locale) : m;
    },
  };
  const names: Record<Key, string> = {
    stage: t('opp.f.stage'),
    status: t('opp.f.status'),
    consultantName: t('opp.f.consultant'),
    source: t('opp.f.source'),
    model: t('opp.f.model'),
    price: t('opp.f.price'),
    expectedPurchaseDate: t('opp.f.expectedPurchaseDate'),
  };
  const yours = { ...opened, ...mine };
  return (
    <StaleRecordNotice
      message={message}
      mineLabel={mine ? undefined : t('stale.opened')}
      fields={KEYS.map((k) => ({ key: k, label: names[k], theirs: asText(current, k, label), mine: asText(yours, k, label), changed: asText(current, k, label) !== asText(opened, k, label) }))}
    />
  );
}
