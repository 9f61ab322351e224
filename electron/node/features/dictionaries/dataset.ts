import type { DatasetDef } from '../grid/datasets/types';

/**
 * 数据字典's items (every list; the screen pins one with a filter on kind). The dealer's, not a
 * user's: every scope lists them all, and only administrators open the screen (dataset-access).
 */
export const dictionariesDataset: DatasetDef = {
  from: 'dictionaries c',
  shared: true,
  defaultSort: [{ col: 'sort', dir: 'asc' }, { col: 'code', dir: 'asc' }],
  columns: [
    { id: 'id', type: 'number', zh: '编号', en: 'ID', expr: 'c.id', nullable: false, sortable: true, filterable: false, groupable: false, defaultVisible: false, width: 80 },
    { id: 'kind', type: 'text', zh: '字典', en: 'List', expr: 'c.kind', nullable: false, sortable: true, filterable: true, groupable: true, defaultVisible: false, width: 160 },
    { id: 'code', type: 'text', zh: '编码', en: 'Code', expr: 'c.code', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 160 },
    { id: 'zh', type: 'text', zh: '中文名称', en: 'Chinese name', expr: 'c.label_zh', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 180 },
    { id: 'en', type: 'text', zh: '英文名称', en: 'English name', expr: 'c.label_en', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 200 },
    { id: 'sort', type: 'number', zh: '顺序', en: 'Order', expr: 'c.sort', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 90 },
    { id: 'active', type: 'boolean', zh: '启用', en: 'Offered', expr: 'c.active', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 90 },
  ],
};
