import { z } from 'zod';

/**
 * How an import's CSV is decoded: 'auto' (the default) detects it — a BOM, else valid UTF-8, else
 * GB18030 (GBK, as Chinese Excel saves "CSV") — the others are the user's override when the
 * detection guessed wrong. An .xlsx carries its own encoding and ignores this.
 */
export const IMPORT_ENCODINGS = ['auto', 'utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];
export const importEncoding = z.enum(IMPORT_ENCODINGS).optional();
