import { defineScreens } from './screen-kit';

/**
 * Menu entries of DS-CRM that a later version builds: the menu shows them with an honest
 * placeholder (what the screen will do), title and description from a defineTexts table beside
 * this file. A feature that builds one registers it itself under the same id and the entry goes
 * from here (关键指标 → the analysis feature's 总经理月报). None is left today.
 */
export const plannedScreens = defineScreens({});
