import { defineScreens } from './screen-kit';
import { PLANNED_SCREEN_TEXTS } from './planned-screen-texts';

/**
 * Menu entries of DS-CRM that a later version builds: the menu shows them with an honest
 * placeholder (what the screen will do). A feature that builds one registers it itself and the
 * entry goes from here.
 */
export const plannedScreens = defineScreens({
  'analysis.kpis': {
    order: 10,
    title: PLANNED_SCREEN_TEXTS.pair('analysis.kpis.title'),
    description: PLANNED_SCREEN_TEXTS.pair('analysis.kpis.description'),
  },
});
