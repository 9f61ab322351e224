/**
 * The showroom 日报's two rates (docs/sales-showroom.md), written once: the 日报 (展厅流量) and
 * 销售分析 both divide with these, so the two screens cannot disagree on what a rate is.
 */

/** num / den, or null when the denominator is 0 (no traffic is "no rate", not 0 % or 100 %). */
export function ratio(num: number, den: number): number | null {
  return den > 0 ? num / den : null;
}

/** 留档率 = new prospects / (new prospects + unregistered walk-ins). */
export const registrationRate = (newProspects: number, walkIns: number) => ratio(newProspects, newProspects + walkIns);
/** 成交率 = new sales / (new sales + new prospects). */
export const closingRate = (newSales: number, newProspects: number) => ratio(newSales, newSales + newProspects);
