/**
 * The UI dictionaries, zh-CN (the source language) and English, made from the texts tables under
 * their prefixes: `t('sms.title')` reads SMS_TEXTS' title. A menu feature's tables come with its
 * registration (renderer/features/<name>/feature.ts → registry.ts); only the shell's, the shared
 * parts' and the pages outside the menu are listed here.
 */
import { STALE_TEXTS } from '../ui/stale-texts';
import { PAGER_TEXTS } from '../ui/pager-texts';
import { GRID_TEXTS } from '../ui/grid/texts';
import { SCOPE_TEXTS } from '../ui/grid/scope-texts';
import { SHELL_TEXTS } from '../shell/texts';
import { SEAT_MODE_TEXTS } from '../features/seat-mode/texts';
import { FEATURE_TEXTS } from '../features/registry';
import { dictionariesFrom } from './from-tables';
import { screenTexts } from './screen-texts';

const DICTIONARIES = dictionariesFrom([
  // Menu titles and descriptions ('nav.<screen>', 'desc.<screen>') live with each feature's screens.ts.
  ['', screenTexts()],
  ...FEATURE_TEXTS,
  // The first-start page (host or client seat) comes before any menu.
  ['seatMode.', SEAT_MODE_TEXTS],
  ['stale.', STALE_TEXTS],
  ['pager.', PAGER_TEXTS],
  ['grid.', GRID_TEXTS],
  ['scope.', SCOPE_TEXTS],
  ['', SHELL_TEXTS],
]);

/** Simplified Chinese: the first language of the UI and the source of the message keys. */
export const zhCN = DICTIONARIES['zh-CN'];
/** English: every key of the zh-CN dictionary, with the same {placeholders}. */
export const en = DICTIONARIES.en;

export type MessageKey = keyof typeof zhCN;
