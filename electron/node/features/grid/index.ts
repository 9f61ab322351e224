/**
 * The grid feature's public surface for the features whose screens are grids: the data-set shape,
 * the shared user-name column, the lookup of a registered data set and the filter SQL builder
 * (tests/architecture.test.ts refuses imports into grid's other files). The grid itself imports no feature.
 */
export { datasetDef, userNameColumn, type ColumnDef, type DatasetDef } from './datasets';
export { and, filterSql } from './query';
export { mergePresets, presetsByName } from './named-presets';
