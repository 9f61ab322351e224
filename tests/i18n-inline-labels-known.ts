/**
 * `zh: '…'` pairs the tree still had outside texts files when tests/i18n-inline-labels.test.ts came
 * in (issue 16 item 5), counted per file. This list may only shrink: when a file's labels move into
 * its feature's texts file, lower or delete its line. Never add one.
 */
export const KNOWN_INLINE_LABELS: readonly { file: string; count: number; why: string }[] = [
  { file: 'electron/node/features/admin/reference-dictionaries.ts', count: 5, why: 'seed rows of the dictionaries table (code, zh, en as stored), data rather than UI text' },
  { file: 'electron/node/features/admin/vehicle-models.ts', count: 34, why: 'model / brand / colour seed rows with price, VIN parts and weights beside the names' },
  { file: 'electron/node/features/sales/datasets/opportunities.ts', count: 1, why: 'stage options built from STAGE with the probability appended (`${zh} ${p}%`): a derivation' },
  { file: 'electron/node/features/sales/datasets/showroom-visits.ts', count: 1, why: 'visit-mode options built from VISIT_MODE with the number in front: a derivation' },
  { file: 'renderer/features/dictionaries/DictionariesScreen.tsx', count: 1, why: "an empty item's zh field (`zh: ''`), not a label" },
];
