import type { DatasetDef } from '../grid';
import { RECORDING_COLUMNS, RECORDING_STATE } from './texts';
import { enumOptions } from '../../../common/i18n/enum-options';
import { CALL_DIRECTION_OPTIONS as DIRECTIONS, CALL_RESULT_OPTIONS as OUTCOMES } from '../../../common/api/telephony-texts';

// The table's keys look like numbers, so the order is given: complete, incomplete, uploading.
const YES_NO = enumOptions(RECORDING_STATE, ['1', '0', 'u']);

/**
 * 电话录音检索: recordings with their call (extension, user, time, direction, numbers, customer).
 * The owner is the call's user: everyone finds their own recordings ('mine'); team / all also need
 * recordings.play. Sorted by id only (recordings are written in call order, and the primary key is
 * the one order backed at any size); the time range filters on the call's start.
 */
export const recordingsDataset: DatasetDef = {
  from: 'recordings c join calls k on k.id = c.call_id and c.deleted_at is null',
  owner: 'k.user_id',
  searchCustomerId: 'c.customer_id',
  widerScopesNeed: 'recordings.play',
  defaultSort: [{ col: 'id', dir: 'desc' }],
  columns: [
    { id: 'id', type: 'number', ...RECORDING_COLUMNS.pair('id'), expr: 'c.id', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: false, width: 80 },
    { id: 'startedAt', type: 'datetime', ...RECORDING_COLUMNS.pair('startedAt'), expr: 'k.started_at', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 150 },
    { id: 'direction', type: 'enum', ...RECORDING_COLUMNS.pair('direction'), expr: 'k.direction', enumValues: DIRECTIONS, nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 80 },
    { id: 'extension', type: 'text', ...RECORDING_COLUMNS.pair('extension'), expr: 'k.extension', nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 80 },
    { id: 'userName', type: 'text', ...RECORDING_COLUMNS.pair('userName'), expr: '(select u.display_name from users u where u.id = k.user_id)', groupKey: { expr: 'k.user_id', label: '(select u.display_name from users u where u.id = g.k)' }, nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 100 },
    { id: 'fromNumber', type: 'text', ...RECORDING_COLUMNS.pair('fromNumber'), expr: 'k.from_number', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 130 },
    { id: 'toNumber', type: 'text', ...RECORDING_COLUMNS.pair('toNumber'), expr: 'k.to_number', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 130 },
    { id: 'customerName', type: 'text', ...RECORDING_COLUMNS.pair('customerName'), related: 'customers', expr: '(select cu.name from customers cu where cu.id = c.customer_id)', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 110 },
    { id: 'durationS', type: 'number', ...RECORDING_COLUMNS.pair('durationS'), expr: '(c.duration_ms / 1000)', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 90 },
    { id: 'sizeKb', type: 'number', ...RECORDING_COLUMNS.pair('sizeKb'), expr: '(c.size_bytes / 1024)', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 90 },
    { id: 'complete', type: 'enum', ...RECORDING_COLUMNS.pair('complete'), expr: "(case when c.upload_sha256 is not null then 'u' when c.complete = 1 then '1' else '0' end)", enumValues: YES_NO, nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 110 },
    { id: 'outcome', type: 'enum', ...RECORDING_COLUMNS.pair('outcome'), expr: 'k.outcome', enumValues: OUTCOMES, nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 100 },
  ],
};
