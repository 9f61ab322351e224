import { CALL_OUTCOMES } from '../../../common/api/telephony';
import type { DatasetDef } from '../grid/datasets/types';

/** Technical ends (telephony.call.end) and the agents' business outcomes, in both languages. */
const OUTCOMES = [
  { value: 'answered', zh: '已接通', en: 'Answered' },
  { value: 'missed', zh: '未接', en: 'Missed' },
  { value: 'declined', zh: '已拒接', en: 'Declined' },
  { value: 'noAnswer', zh: '无人接听', en: 'No answer' },
  { value: 'busy', zh: '忙', en: 'Busy' },
  { value: 'failed', zh: '失败', en: 'Failed' },
  { value: 'cancelled', zh: '已取消', en: 'Cancelled' },
  { value: 'interrupted', zh: '通话中断', en: 'Interrupted' },
  ...CALL_OUTCOMES.map(({ value, zh, en }) => ({ value, zh, en })),
];

const YES_NO = [
  { value: '1', zh: '完整', en: 'Complete' },
  { value: '0', zh: '不完整', en: 'Incomplete' },
  // Recorded on a client seat, its upload to the host not finished yet (issue 15).
  { value: 'u', zh: '上传中', en: 'Uploading' },
];

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
    { id: 'id', type: 'number', zh: '编号', en: 'No.', expr: 'c.id', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: false, width: 80 },
    { id: 'startedAt', type: 'datetime', zh: '通话时间', en: 'Call time', expr: 'k.started_at', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 150 },
    { id: 'direction', type: 'enum', zh: '方向', en: 'Direction', expr: 'k.direction', enumValues: [{ value: 'inbound', zh: '呼入', en: 'Inbound' }, { value: 'outbound', zh: '呼出', en: 'Outbound' }], nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 80 },
    { id: 'extension', type: 'text', zh: '分机', en: 'Extension', expr: 'k.extension', nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 80 },
    { id: 'userName', type: 'text', zh: '坐席', en: 'Agent', expr: '(select u.display_name from users u where u.id = k.user_id)', groupKey: { expr: 'k.user_id', label: '(select u.display_name from users u where u.id = g.k)' }, nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 100 },
    { id: 'fromNumber', type: 'text', zh: '主叫号码', en: 'From', expr: 'k.from_number', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 130 },
    { id: 'toNumber', type: 'text', zh: '被叫号码', en: 'To', expr: 'k.to_number', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 130 },
    { id: 'customerName', type: 'text', zh: '客户', en: 'Customer', related: 'customers', expr: '(select cu.name from customers cu where cu.id = c.customer_id)', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 110 },
    { id: 'durationS', type: 'number', zh: '时长(秒)', en: 'Duration (s)', expr: '(c.duration_ms / 1000)', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 90 },
    { id: 'sizeKb', type: 'number', zh: '大小(KB)', en: 'Size (KB)', expr: '(c.size_bytes / 1024)', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 90 },
    { id: 'complete', type: 'enum', zh: '录音状态', en: 'State', expr: "(case when c.upload_sha256 is not null then 'u' when c.complete = 1 then '1' else '0' end)", enumValues: YES_NO, nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 110 },
    { id: 'outcome', type: 'enum', zh: '通话结果', en: 'Outcome', expr: 'k.outcome', enumValues: OUTCOMES, nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 100 },
  ],
};
