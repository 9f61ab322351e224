import type { SalesAnalysis } from '../../../electron/common/api/analysis';
import { useI18n, usePrefixedT } from '../../i18n/react';
import { dictLabel, useDictionary } from '../dictionaries';
import { SalesPareto } from './SalesPareto';
import type { OpenSalesDrill } from './SalesSection';

/** 销售分析 → the brands the period's lost opportunities went to, in Pareto order, the unrecorded brand last. */
export function SalesCompetitors({ d, open }: { d: SalesAnalysis; open: OpenSalesDrill }) {
  const s = usePrefixedT('ans.');
  const { locale } = useI18n();
  const brands = useDictionary('brand');
  const lines = d.current.competitorBrands.map((b) => ({ ...b, key: b.brand, label: b.brand === null ? s('noBrand') : dictLabel(brands, b.brand, locale) }));
  return (
    <SalesPareto d={d} open={open} name="competitors" title={s('competitors')} keyHeader={s('brand')} totalLabel={s('competitorTotal')} total={(p) => p.competitorLost} lines={lines} empty={s('competitorsEmpty')} note={s('competitorsNote')} />
  );
}
