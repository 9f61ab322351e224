import type { DatasetDef } from '../grid/datasets/types';
import { registeredJobs } from './job-list';

/** The skip reasons jobs report, as the desk reads them (zh-CN; the job log is an admin's list). */
const REASONS: Record<string, string> = {
  dnd: '免打扰',
  exists: '已存在',
  recentlyReminded: '近期已提醒',
  noOwner: '无负责人',
  noManager: '无经理',
  deletedOld: '删除旧备份',
};
const reasonsExpr = `(select group_concat(case j.key ${Object.entries(REASONS)
  .map(([k, zh]) => `when '${k}' then '${zh}'`)
  .join(' ')} else j.key end || ' ' || j.value, ', ') from json_each(c.skipped_reasons) j where j.value > 0)`;

const TRIGGERS = [
  { value: 'scheduled', zh: '计划', en: 'Scheduled' },
  { value: 'manual', zh: '手动', en: 'Manual' },
];

const STATUSES = [
  { value: 'running', zh: '运行中', en: 'Running' },
  { value: 'ok', zh: '成功', en: 'OK' },
  { value: 'failed', zh: '失败', en: 'Failed' },
];

/**
 * 定时任务日志 (job_runs) for the admin screen. Admin only: no row has an owner ('mine' and 'team'
 * are empty) and the 'all' scope needs 'users.manage', which only administrators have — enforced
 * by the grid's query, not by the screen. Newest first by id (the primary key).
 */
export const jobRunsDataset: DatasetDef = {
  from: 'job_runs c',
  owner: 'NULL',
  widerScopesNeed: 'users.manage',
  defaultSort: [{ col: 'id', dir: 'desc' }],
  columns: [
    { id: 'id', type: 'number', zh: '编号', en: 'No.', expr: 'c.id', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 80 },
    // Shown by the job's name (zh / en); a job no longer registered shows its id. Read from the
    // registered list when asked (job-list.ts says why this file does not import the registry).
    {
      id: 'job',
      type: 'enum',
      zh: '任务',
      en: 'Job',
      expr: 'c.job',
      get enumValues() {
        return registeredJobs().map((j) => ({ value: j.id, zh: j.label.zh, en: j.label.en }));
      },
      nullable: false,
      sortable: false,
      filterable: true,
      groupable: true,
      defaultVisible: true,
      width: 260,
    },
    { id: 'plannedFor', type: 'text', zh: '计划时间', en: 'Planned for', expr: 'substr(c.planned_for, 1, 16)', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 150 },
    // 立即运行 stores planned_for with '#<ms>' (scheduler.ts): never a scheduled occurrence.
    { id: 'trigger', type: 'enum', zh: '触发', en: 'Trigger', expr: "case when instr(c.planned_for, '#') > 0 then 'manual' else 'scheduled' end", enumValues: TRIGGERS, nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 80 },
    { id: 'status', type: 'enum', zh: '状态', en: 'Status', expr: 'c.status', enumValues: STATUSES, nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 80 },
    { id: 'startedAt', type: 'datetime', zh: '开始', en: 'Started', expr: 'c.started_at', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 150 },
    { id: 'endedAt', type: 'datetime', zh: '结束', en: 'Ended', expr: 'c.ended_at', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 150 },
    { id: 'created', type: 'number', zh: '处理数', en: 'Done', expr: 'c.created', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 80 },
    { id: 'skipped', type: 'number', zh: '跳过数', en: 'Skipped', expr: 'c.skipped', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 80 },
    { id: 'skippedReasons', type: 'text', zh: '跳过原因', en: 'Skip reasons', expr: reasonsExpr, nullable: true, sortable: false, filterable: false, groupable: false, defaultVisible: true, width: 200 },
    { id: 'attempts', type: 'number', zh: '尝试次数', en: 'Attempts', expr: 'c.attempts', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 80 },
    { id: 'error', type: 'text', zh: '错误', en: 'Error', expr: 'c.error', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 260 },
    { id: 'runner', type: 'text', zh: '运行实例', en: 'Runner', expr: 'c.runner', nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: false, width: 140 },
  ],
};
