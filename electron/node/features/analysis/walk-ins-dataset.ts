import { type DatasetDef, userNameColumn } from '../grid';
import { TRAFFIC_COLUMNS } from './texts';
import { walkInPresets } from './visit-rules';

/**
 * 未留档客户 batches (walk_in_batches): what a traffic figure's walk-ins are made of — one row per
 * −/+ tap or typed count, corrections (negative counts) included, so Σ 人数 of the rows is the
 * figure. The owner is the batch's consultant. Sorted on the indexed day.
 */
export const walkInBatchesDataset: DatasetDef = {
  from: 'walk_in_batches c',
  owner: 'c.consultant_id',
  defaultSort: [{ col: 'visitDate', dir: 'desc' }],
  // The heat map's cells: batches saved in an hour of their day, and those saved on another day.
  presets: walkInPresets,
  columns: [
    { id: 'id', type: 'number', ...TRAFFIC_COLUMNS.pair('id'), expr: 'c.id', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: false, width: 80 },
    { id: 'visitDate', type: 'date', ...TRAFFIC_COLUMNS.pair('visitDate'), expr: 'c.visit_date', nullable: false, sortable: true, filterable: true, groupable: true, defaultVisible: true, width: 110 },
    { id: 'model', type: 'enum', ...TRAFFIC_COLUMNS.pair('model'), dict: 'model', expr: 'c.model', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 140 },
    { id: 'count', type: 'number', ...TRAFFIC_COLUMNS.pair('count'), expr: 'c.count', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 80 },
    userNameColumn({ id: 'consultantName', ...TRAFFIC_COLUMNS.pair('consultantName'), userIdExpr: 'c.consultant_id', defaultVisible: true, width: 110 }),
    { id: 'consultantId', type: 'number', ...TRAFFIC_COLUMNS.pair('consultantId'), expr: 'c.consultant_id', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 90 },
    { id: 'createdAt', type: 'datetime', ...TRAFFIC_COLUMNS.pair('createdAt'), expr: 'c.created_at', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 150 },
  ],
};
