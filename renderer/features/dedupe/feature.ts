import { defineFeature } from '../../shell/screen-kit';
import { dedupeScreens } from './screens';
import { DEDUPE_TEXTS } from './texts';

/** What this feature adds to the renderer: 客户去重 and its texts under 'dedupe.'. */
export const dedupeFeature = defineFeature({ screens: dedupeScreens, texts: [['dedupe.', DEDUPE_TEXTS]] });
