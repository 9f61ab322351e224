import { defineFeature } from '../../shell/screen-kit';
import { reconcileScreens } from './screens';
import { RECONCILE_TEXTS } from './texts';

/** What this feature adds to the renderer: 决策分析 → 厂家漏斗核对 and its texts under 'reconcile.'. */
export const reconcileFeature = defineFeature({ screens: reconcileScreens, texts: [['reconcile.', RECONCILE_TEXTS]] });
