import { defineFeature } from '../../shell/screen-kit';
import { dictionariesScreens } from './screens';
import { DICTIONARY_TEXTS } from './texts';

/** What this feature adds to the renderer: its menu screens and its texts under their prefixes (t('<prefix><key>')). */
export const dictionariesFeature = defineFeature({ screens: dictionariesScreens, texts: [['dicts.', DICTIONARY_TEXTS]] });
