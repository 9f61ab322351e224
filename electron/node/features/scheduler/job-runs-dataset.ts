import type { DatasetDef } from '../grid';
import { registeredJobs } from './job-list';
import { JOB_RUN_COLUMNS, JOB_RUN_STATUS, JOB_RUN_TRIGGER } from './texts';
import { enumOptions } from '../../../common/i18n/enum-options';
import { JOB_ERROR_CAUSES, jobErrorCauseSql, jobErrorDetailSql } from './job-error';

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

const TRIGGERS = enumOptions(JOB_RUN_TRIGGER);

const STATUSES = enumOptions(JOB_RUN_STATUS);

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
    { id: 'id', type: 'number', ...JOB_RUN_COLUMNS.pair('id'), expr: 'c.id', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 80 },
    // Shown by the job's name (zh / en); a job no longer registered shows its id. Read from the
    // registered list when asked (job-list.ts says why this file does not import the registry).
    {
      id: 'job',
      type: 'enum',
      ...JOB_RUN_COLUMNS.pair('job'),
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
    { id: 'plannedFor', type: 'text', ...JOB_RUN_COLUMNS.pair('plannedFor'), expr: 'substr(c.planned_for, 1, 16)', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 150 },
    // 立即运行 stores planned_for with '#<ms>' (scheduler.ts): never a scheduled occurrence.
    { id: 'trigger', type: 'enum', ...JOB_RUN_COLUMNS.pair('trigger'), expr: "case when instr(c.planned_for, '#') > 0 then 'manual' else 'scheduled' end", enumValues: TRIGGERS, nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 80 },
    { id: 'status', type: 'enum', ...JOB_RUN_COLUMNS.pair('status'), expr: 'c.status', enumValues: STATUSES, nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 80 },
    { id: 'startedAt', type: 'datetime', ...JOB_RUN_COLUMNS.pair('startedAt'), expr: 'c.started_at', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 150 },
    { id: 'endedAt', type: 'datetime', ...JOB_RUN_COLUMNS.pair('endedAt'), expr: 'c.ended_at', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 150 },
    { id: 'created', type: 'number', ...JOB_RUN_COLUMNS.pair('created'), expr: 'c.created', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 80 },
    { id: 'skipped', type: 'number', ...JOB_RUN_COLUMNS.pair('skipped'), expr: 'c.skipped', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 80 },
    { id: 'skippedReasons', type: 'text', ...JOB_RUN_COLUMNS.pair('skippedReasons'), expr: reasonsExpr, nullable: true, sortable: false, filterable: false, groupable: false, defaultVisible: true, width: 200 },
    { id: 'attempts', type: 'number', ...JOB_RUN_COLUMNS.pair('attempts'), expr: 'c.attempts', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 80 },
    // A known cause is stored as a key (job-error.ts): shown in the reader's language, the original text beside it.
    { id: 'error', type: 'enum', ...JOB_RUN_COLUMNS.pair('error'), expr: jobErrorCauseSql, enumValues: JOB_ERROR_CAUSES, nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 260 },
    { id: 'errorDetail', type: 'text', ...JOB_RUN_COLUMNS.pair('errorDetail'), expr: jobErrorDetailSql, nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 220 },
    { id: 'runner', type: 'text', ...JOB_RUN_COLUMNS.pair('runner'), expr: 'c.runner', nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: false, width: 140 },
  ],
};
