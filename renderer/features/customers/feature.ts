import { defineFeature } from '../../shell/screen-kit';
import { customersScreens } from './screens';
import { CUSTOMER_TEXTS } from './texts';

/** What this feature adds to the renderer: its menu screens and its texts under their prefixes (t('<prefix><key>')). */
export const customersFeature = defineFeature({ screens: customersScreens, texts: [['customer.', CUSTOMER_TEXTS]] });
