import { STAGE } from './api/sales-texts';

/** 流程状态: the sales funnel's stages in order, with their win probability (%). Shared by both sides. */
export const STAGES = (
  [
    { code: 'initial_contact', probability: 5 },
    { code: 'needs_analysis', probability: 25 },
    { code: 'presentation', probability: 35 },
    { code: 'test_drive', probability: 40 },
    { code: 'quote_to_close', probability: 90 },
    { code: 'delivery', probability: 100 },
  ] as const
).map((s) => ({ ...s, ...STAGE.pair(s.code) }));

export type StageCode = (typeof STAGES)[number]['code'];

export const STAGE_CODES: readonly StageCode[] = STAGES.map((s) => s.code);

const BY_CODE = new Map<string, (typeof STAGES)[number]>(STAGES.map((s) => [s.code, s]));

export function isStageCode(code: string): code is StageCode {
  return BY_CODE.has(code);
}

/** Win probability (%) of a stage; throws on an unknown code. */
export function stageProbability(code: StageCode): number {
  const s = BY_CODE.get(code);
  if (!s) throw new Error(`unknown stage ${code}`);
  return s.probability;
}

/** Position of a stage in the funnel (0 = initial contact). */
export function stageIndex(code: StageCode): number {
  return STAGE_CODES.indexOf(code);
}
