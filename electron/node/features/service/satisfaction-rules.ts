/**
 * Pure rules of the manufacturer's CSI / SSI results (reference/003): reading a row's survey type,
 * score and dissatisfied flag as the manufacturer's file writes them, and the survey's natural key
 * (the same survey imported twice is one result and one follow-up).
 */
export type SurveyKind = 'csi' | 'ssi';

const KINDS: Record<string, SurveyKind> = {
  csi: 'csi',
  销售: 'csi',
  销售满意度: 'csi',
  ssi: 'ssi',
  售后: 'ssi',
  服务: 'ssi',
  售后满意度: 'ssi',
  服务满意度: 'ssi',
};

export function parseSurveyKind(raw: string): SurveyKind | null {
  return KINDS[raw.trim().toLowerCase()] ?? null;
}

/** A score from 0 to 100 (a trailing 分 or % allowed); null when it is not one. */
export function parseScore(raw: string): number | null {
  const s = raw.trim().replace(/[分%]$/, '');
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return n >= 0 && n <= 100 ? n : null;
}

/** 是/否 as the file writes it; an empty cell is "not dissatisfied"; anything else is undefined (a bad row). */
export function parseDissatisfied(raw: string): boolean | undefined {
  const s = raw.trim().toLowerCase();
  if (['', '否', 'n', 'no', '0', 'false', '满意'].includes(s)) return false;
  if (['是', 'y', 'yes', '1', 'true', '不满意'].includes(s)) return true;
  return undefined;
}

export const surveyNaturalKey = (kind: SurveyKind, customerId: number, vehicleId: number | null, date: string) => `${kind}:${customerId}/${vehicleId ?? ''}:${date}`;
