/**
 * The dictionaries feature's public surface (tests/architecture.test.ts refuses imports into its
 * other files): the reference lists (来源, 车型, 放弃原因 …) every form offers, loaded once per window.
 * They live here, below the features whose forms use them, so that sales and service no longer
 * import the customers feature for them (that import closed the customers <-> sales circle).
 */
export { dictLabel, useDictionary, withCurrent } from './use-dictionary';
