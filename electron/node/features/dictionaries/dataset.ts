import type { DatasetDef } from '../grid';
import { DICTIONARY_COLUMNS } from './texts';

/**
 * 数据字典's items (every list; the screen pins one with a filter on kind). The dealer's, not a
 * user's: every scope lists them all, and only administrators open the screen (dataset-access).
 */
export const dictionariesDataset: DatasetDef = {
  from: 'dictionaries c',
  shared: true,
  defaultSort: [{ col: 'sort', dir: 'asc' }, { col: 'code', dir: 'asc' }],
  columns: [
    { id: 'id', type: 'number', ...DICTIONARY_COLUMNS.pair('id'), expr: 'c.id', nullable: false, sortable: true, filterable: false, groupable: false, defaultVisible: false, width: 80 },
    { id: 'kind', type: 'text', ...DICTIONARY_COLUMNS.pair('kind'), expr: 'c.kind', nullable: false, sortable: true, filterable: true, groupable: true, defaultVisible: false, width: 160 },
    { id: 'code', type: 'text', ...DICTIONARY_COLUMNS.pair('code'), expr: 'c.code', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 160 },
    { id: 'zh', type: 'text', ...DICTIONARY_COLUMNS.pair('zh'), expr: 'c.label_zh', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 180 },
    { id: 'en', type: 'text', ...DICTIONARY_COLUMNS.pair('en'), expr: 'c.label_en', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 200 },
    { id: 'sort', type: 'number', ...DICTIONARY_COLUMNS.pair('sort'), expr: 'c.sort', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 90 },
    {
      id: 'intervals',
      type: 'text',
      ...DICTIONARY_COLUMNS.pair('intervals'),
      // 车型's own service intervals, "首保 km / months → then km / months"; empty: the defaults.
      expr: `CASE WHEN json_extract(c.extra, '$.serviceIntervals') IS NULL THEN NULL ELSE json_extract(c.extra, '$.serviceIntervals.firstKm') || ' km / ' || json_extract(c.extra, '$.serviceIntervals.firstMonths') || ' → ' || json_extract(c.extra, '$.serviceIntervals.km') || ' km / ' || json_extract(c.extra, '$.serviceIntervals.months') END`,
      nullable: true,
      sortable: false,
      filterable: false,
      groupable: false,
      // Shown for 车型 only (the screen asks for it there): every other list would have it empty.
      defaultVisible: false,
      width: 200,
    },
    { id: 'active', type: 'boolean', ...DICTIONARY_COLUMNS.pair('active'), expr: 'c.active', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 90 },
  ],
};
