import type { SQL } from 'drizzle-orm';
import { AppError } from '../../../errors';
import { todayIn } from '../../../../common/dates';
import { presetsByName, type DatasetDef } from '../../grid';

/**
 * Presets whose name carries the rule's parameters: 'rule' (the list's defaults) or
 * 'rule:<a>~<b>' — a reminder's "查看" date range ('rule:2026-11-30~2026-12-30'), 专项保养's km band
 * ('rule:78000~82000'), a revisit tab and range ('pending:2026-11-28~2026-11-30'); the grid's
 * presetsByName with the dealer's today handed to the rule.
 */
export const parameterisedPresets = <P>(parse: (name: string) => P | null, build: (params: P, today: string) => SQL): NonNullable<DatasetDef['presets']> =>
  presetsByName(parse, (p, ctx) => build(p, todayIn(ctx.timeZone, ctx.now)));

const DAY = String.raw`\d{4}-\d{2}-\d{2}`;
const RANGE = new RegExp(`^rule(?::(${DAY})~(${DAY}))?$`);
const BAND = /^rule(?::(\d{1,7})~(\d{1,7}))?$/;

/** 'rule' or 'rule:from~to' → the range (undefined = the list's default). */
export function parseRange(name: string): { from?: string; to?: string } | null {
  const m = RANGE.exec(name);
  if (!m) return null;
  return m[1] ? { from: m[1], to: m[2] } : {};
}

/** 'rule' or 'rule:kmFrom~kmTo' → the band (undefined = 78,000–82,000). */
export function parseBand(name: string): { kmFrom?: number; kmTo?: number } | null {
  const m = BAND.exec(name);
  if (!m) return null;
  return m[1] ? { kmFrom: Number(m[1]), kmTo: Number(m[2]) } : {};
}


export const badParam = (field: string, message: string) => new AppError('INVALID_INPUT', { issues: [`${field}: ${message}`], fields: [{ field, message }] });
