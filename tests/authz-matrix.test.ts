/**
 * The authorisation matrix (issue 14 item 6): every API method and every grid data set, for every
 * role. The tables below are the rule a reviewer reads; the test checks that the contract says the
 * same (a new method or data set fails until it is added here) and that the server answers so:
 * FORBIDDEN where a role has '--', never FORBIDDEN where it has its code.
 *
 * Columns: SC 销售顾问 salesConsultant, SM 销售经理 salesManager, SA 客服顾问 serviceAgent,
 * CM 客服经理 serviceManager, AD 服务顾问 serviceAdvisor, GM 总经理 generalManager, AA 系统管理员 admin.
 * Customer-service roles have no sales data (opportunities, activities, showroom, funnel, sales
 * lists); the service advisor has no SMS; managers' and admin screens are theirs alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../electron/common/api';
import { DATASETS, type Dataset } from '../electron/common/api/grid';
import { ROLES, type Role } from '../electron/common/roles';
import { call, makeCore, usersWithSessions, type TestCore } from './support/core';

const CODES: Record<Role, string> = {
  salesConsultant: 'SC',
  salesManager: 'SM',
  serviceAgent: 'SA',
  serviceManager: 'CM',
  serviceAdvisor: 'AD',
  generalManager: 'GM',
  admin: 'AA',
};

// prettier-ignore
const METHODS: Record<string, string> = {
  'auth.login':                            'public',
  'auth.logout':                           'SC SM SA CM AD GM AA',
  'auth.session':                          'SC SM SA CM AD GM AA',
  'auth.changePassword':                   'SC SM SA CM AD GM AA',
  'auth.lock':                             'SC SM SA CM AD GM AA',
  'auth.unlock':                           'SC SM SA CM AD GM AA',
  'auth.ping':                             'SC SM SA CM AD GM AA',
  'auth.setLocale':                        'SC SM SA CM AD GM AA',
  // The seat's own mode (本机 / 连接到主机): answered before any login, by Electron main or the web host.
  'seat.status':                           'public',
  'seat.probe':                            'public',
  'seat.pair':                             'public',
  'seat.useLocal':                         'public',
  'customers.consentFile.attach':          'SC SM SA CM AD GM AA',
  'customers.consentFile.get':             'SC SM SA CM AD GM AA',
  'admin.users.list':                      '-- -- -- -- -- -- AA',
  'admin.users.create':                    '-- -- -- -- -- -- AA',
  'admin.users.resetPassword':             '-- -- -- -- -- -- AA',
  'admin.users.permissions.get':           '-- -- -- -- -- -- AA',
  'admin.users.permissions.set':           '-- -- -- -- -- -- AA',
  'admin.settings.get':                    '-- -- -- -- -- -- AA',
  'admin.settings.update':                 '-- -- -- -- -- -- AA',
  'admin.audit.list':                      '-- -- -- -- -- GM AA',
  'admin.seats.list':                      '-- -- -- -- -- -- AA',
  // 数据字典: the administrator's lists behind the drop-downs (every user reads them through dict.list).
  'admin.dictionaries.kinds':              '-- -- -- -- -- -- AA',
  'admin.dictionaries.get':                '-- -- -- -- -- -- AA',
  'admin.dictionaries.create':             '-- -- -- -- -- -- AA',
  'admin.dictionaries.update':             '-- -- -- -- -- -- AA',
  'dataImport.preview':                    '-- SM -- CM -- GM AA',
  'dataImport.start':                      '-- SM -- CM -- GM AA',
  'dataImport.cancel':                     '-- SM -- CM -- GM AA',
  'dataImport.get':                        '-- SM -- CM -- GM AA',
  'dataImport.list':                       '-- SM -- CM -- GM AA',
  'dataImport.undo':                       '-- SM -- CM -- GM AA',
  'dataImport.mappings.list':              '-- SM -- CM -- GM AA',
  'dataImport.mappings.save':              '-- SM -- CM -- GM AA',
  'dataImport.mappings.delete':            '-- SM -- CM -- GM AA',
  'dataImport.template':                   '-- SM -- CM -- GM AA',
  'backup.overview':                       '-- -- -- -- -- -- AA',
  'backup.now':                            '-- -- -- -- -- -- AA',
  'backup.status':                         '-- -- -- -- -- -- AA',
  'backup.restoreCheck':                   '-- -- -- -- -- -- AA',
  'backup.restore':                        '-- -- -- -- -- -- AA',
  'backup.restoreStatus':                  '-- -- -- -- -- -- AA',
  'dedupe.status':                         '-- SM -- CM -- GM AA',
  'dedupe.scan':                           '-- SM -- CM -- GM AA',
  'dedupe.groups':                         '-- SM -- CM -- GM AA',
  'dedupe.compare':                        '-- SM -- CM -- GM AA',
  'dedupe.merge':                          '-- SM -- CM -- GM AA',
  'dedupe.dismiss':                        '-- SM -- CM -- GM AA',
  'reconcile.funnel':                      '-- SM -- CM -- GM AA',
  'admin.seats.rename':                    '-- -- -- -- -- -- AA',
  'admin.seats.revoke':                    '-- -- -- -- -- -- AA',
  // 决策分析 → 集客分析: the sales floor's managers; a consultant's own day is 展厅流量's 日报.
  'analysis.traffic.get':                  '-- SM -- -- -- GM AA',
  // 决策分析 → 销售分析: the same managers as 集客分析.
  'analysis.sales.get':                    '-- SM -- -- -- GM AA',
  // 决策分析 → 售后 / 客服: dealer-wide after-sales figures for the CRM (客服) manager and the general manager; agents and advisers work their own lists.
  'analysis.aftersales.get':               '-- -- -- CM -- GM AA',
  'analysis.calls.get':                    '-- -- -- CM -- GM AA',
  // 关键指标 · 总经理月报: whoever may see one of its sections (the roles of the topic's own screen; each sees only those).
  'analysis.monthly.get':                  '-- SM -- CM -- GM AA',
  'analysis.monthly.xlsx':                 '-- SM -- CM -- GM AA',
  // 决策分析 → 审核自查: who answers the manufacturer's audit — the CRM (客服) manager, the general manager.
  'selfAudit.checks':                      '-- -- -- CM -- GM AA',
  'selfAudit.trend':                       '-- -- -- CM -- GM AA',
  'selfAudit.failing':                     '-- -- -- CM -- GM AA',
  'callCenter.state.get':                  'SC SM SA CM AD GM AA',
  'callCenter.state.set':                  'SC SM SA CM AD GM AA',
  'callCenter.wrapUp.extend':              'SC SM SA CM AD GM AA',
  'callCenter.agents':                     '-- -- -- CM -- GM AA',
  'callCenter.floor':                      '-- -- -- CM -- GM AA',
  'dialer.overview':                       '-- -- SA CM -- -- --',
  'dialer.next':                           '-- -- SA CM -- -- --',
  'dialer.skip':                           '-- -- SA CM -- -- --',
  'dialer.renew':                          '-- -- SA CM -- -- --',
  'dialer.stop':                           '-- -- SA CM -- -- --',
  'dialer.rules':                          '-- -- -- CM -- GM AA',
  'dialer.rules.save':                     '-- -- -- CM -- GM AA',
  'admin.seats.pairingCode.create':        '-- -- -- -- -- -- AA',
  'customers.get':                         'SC SM SA CM AD GM AA',
  'customers.checkPhone':                  'SC SM SA CM AD GM AA',
  'customers.create':                      'SC SM SA CM AD GM AA',
  'customers.update':                      'SC SM SA CM AD GM AA',
  'customers.assignableOwners':            'SC SM SA CM AD GM AA',
  'dict.list':                             'SC SM SA CM AD GM AA',
  'customers.search':                      'SC SM SA CM AD GM AA',
  'grid.columns':                          'SC SM SA CM AD GM AA',
  'grid.query':                            'SC SM SA CM AD GM AA',
  'grid.count':                            'SC SM SA CM AD GM AA',
  'grid.views.list':                       'SC SM SA CM AD GM AA',
  'grid.views.save':                       'SC SM SA CM AD GM AA',
  'grid.views.delete':                     'SC SM SA CM AD GM AA',
  'grid.views.share':                      '-- SM -- CM -- GM AA',
  'grid.export':                           'SC SM SA CM AD GM AA',
  'opportunities.get':                     'SC SM -- -- -- GM AA',
  'opportunities.ofCustomer':              'SC SM -- -- -- GM AA',
  'opportunities.create':                  'SC SM -- -- -- GM AA',
  'opportunities.update':                  'SC SM -- -- -- GM AA',
  'opportunities.changeStage':             'SC SM -- -- -- GM AA',
  'opportunities.deliver':                 'SC SM -- -- -- GM AA',
  'opportunities.abandon':                 'SC SM -- -- -- GM AA',
  'deliveries.retryDms':                   'SC SM -- -- -- GM AA',
  'intents.list':                          'SC SM -- -- -- GM AA',
  'intents.create':                        'SC SM -- -- -- GM AA',
  'intents.update':                        'SC SM -- -- -- GM AA',
  'showroom.today':                        'SC SM -- -- -- GM AA',
  'showroom.walkIns.add':                  'SC SM -- -- -- GM AA',
  'showroom.walkIns.list':                 'SC SM -- -- -- GM AA',
  'showroom.visits.register':              'SC SM -- -- -- GM AA',
  'showroom.visits.get':                   'SC SM -- -- -- GM AA',
  'showroom.visits.update':                'SC SM -- -- -- GM AA',
  'showroom.traffic.daily':                'SC SM -- -- -- GM AA',
  'showroom.testDrive.vehicles':           'SC SM -- -- -- GM AA',
  'showroom.testDrive.createVehicle':      '-- SM -- -- -- GM AA',
  'showroom.testDrive.deactivateVehicle':  '-- SM -- -- -- GM AA',
  'showroom.testDrive.book':               'SC SM -- -- -- GM AA',
  'showroom.testDrive.cancel':             'SC SM -- -- -- GM AA',
  'showroom.testDrive.complete':           'SC SM -- -- -- GM AA',
  'showroom.testDrive.schedule':           'SC SM -- -- -- GM AA',
  'sales.funnel.get':                      'SC SM -- -- -- GM AA',
  'sales.consultants':                     'SC SM -- -- -- GM AA',
  'customers.reassign':                    'SC SM SA CM AD GM AA',
  'sales.review.params':                   'SC SM -- -- -- GM AA',
  'sales.lists.stalled':                   'SC SM -- -- -- GM AA',
  'sales.lists.noNextActivity':            'SC SM -- -- -- GM AA',
  'sales.lists.noPlan':                    'SC SM -- -- -- GM AA',
  'sales.birthdays.list':                  'SC SM -- -- -- GM AA',
  'activities.list':                       'SC SM SA CM AD GM AA',
  'activities.plan':                       'SC SM SA CM AD GM AA',
  'activities.complete':                   'SC SM SA CM AD GM AA',
  'activities.cancel':                     'SC SM SA CM AD GM AA',
  'activities.reschedule':                 'SC SM SA CM AD GM AA',
  'activities.today':                      'SC SM -- -- -- GM AA',
  'planTemplates.list':                    'SC SM SA CM AD GM AA',
  'planTemplates.create':                  '-- SM -- -- -- GM AA',
  'planTemplates.update':                  '-- SM -- -- -- GM AA',
  'planTemplates.deactivate':              '-- SM -- -- -- GM AA',
  'planTemplates.apply':                   'SC SM SA CM AD GM AA',
  'review.consultants':                    '-- SM -- -- -- GM AA',
  'review.activitiesOf':                   '-- SM -- -- -- GM AA',
  'review.comment':                        '-- SM -- -- -- GM AA',
  'review.list':                           'SC SM SA CM AD GM AA',
  'notifications.list':                    'SC SM SA CM AD GM AA',
  'notifications.markRead':                'SC SM SA CM AD GM AA',
  'reminders.list':                        '-- -- SA CM -- GM AA',
  'reminders.toTasks':                     '-- -- SA CM -- GM AA',
  'churn.record':                          '-- -- SA CM -- GM AA',
  'churn.records':                         '-- -- SA CM -- GM AA',
  'vehicles.recomputeNextService':         '-- -- SA CM AD GM AA',
  'complaints.create':                     '-- -- SA CM AD GM AA',
  'complaints.get':                        '-- -- SA CM AD GM AA',
  'complaints.update':                     '-- -- SA CM AD GM AA',
  'complaints.assign':                     '-- -- SA CM AD GM AA',
  'complaints.handle':                     '-- -- SA CM AD GM AA',
  'complaints.close':                      '-- -- SA CM AD GM AA',
  'complaints.reopen':                     '-- -- -- CM -- GM AA',
  'complaints.assignees':                  '-- -- SA CM AD GM AA',
  'workbench.list':                        '-- -- SA CM AD GM AA',
  'workbench.outcome':                     '-- -- SA CM AD GM AA',
  'workbench.load':                        '-- -- -- CM -- GM AA',
  'workbench.agents':                      '-- -- -- CM -- GM AA',
  'workbench.reassign':                    '-- -- -- CM -- GM AA',
  'taskPool.assign':                       '-- -- -- CM -- GM AA',
  'taskPool.prioritize':                   '-- -- -- CM -- GM AA',
  'appointments.day':                      '-- -- SA CM AD GM AA',
  'appointments.book':                     '-- -- SA CM AD GM AA',
  'appointments.setStatus':                '-- -- SA CM AD GM AA',
  'appointments.noShows':                  '-- -- SA CM AD GM AA',
  'appointments.remindTomorrow':           '-- -- SA CM -- GM AA',
  'appointments.advisors':                 '-- -- SA CM AD GM AA',
  'appointments.proactiveCandidates':      '-- -- SA CM AD GM AA',
  'solicitation.generate':                 '-- -- -- CM -- GM AA',
  'solicitation.assign':                   '-- -- -- CM -- GM AA',
  'solicitation.setState':                 '-- -- SA CM -- GM AA',
  'solicitation.confirmSuccess':           '-- -- SA CM -- GM AA',
  'solicitation.detectSuccess':            '-- -- SA CM -- GM AA',
  'solicitation.rates':                    '-- -- -- CM -- GM AA',
  'solicitation.importCampaign':           '-- -- -- CM -- GM AA',
  'solicitation.agents':                   '-- -- SA CM -- GM AA',
  'revisits.templates.list':               '-- -- SA CM -- GM AA',
  'revisits.templates.save':               '-- -- -- CM -- -- AA',
  'revisits.list':                         '-- -- SA CM -- GM AA',
  'revisits.toTasks':                      '-- -- -- CM -- GM AA',
  'revisits.open':                         '-- -- SA CM -- GM AA',
  'revisits.save':                         '-- -- SA CM -- GM AA',
  'revisits.lowScore.list':                '-- -- SA CM -- GM AA',
  'revisits.lowScore.close':               '-- -- SA CM -- GM AA',
  'sms.preview':                           'SC SM SA CM -- GM AA',
  'sms.send':                              'SC SM SA CM -- GM AA',
  'sms.batches':                           'SC SM SA CM -- GM AA',
  'sms.batch':                             'SC SM SA CM -- GM AA',
  'sms.batch.pause':                       'SC SM SA CM -- GM AA',
  'sms.batch.resume':                      'SC SM SA CM -- GM AA',
  'sms.batch.cancel':                      'SC SM SA CM -- GM AA',
  'sms.batch.reschedule':                  'SC SM SA CM -- GM AA',
  'sms.batch.edit':                        'SC SM SA CM -- GM AA',
  'sms.batch.resend':                      'SC SM SA CM -- GM AA',
  'sms.customerHistory':                   'SC SM SA CM -- GM AA',
  'sms.templates':                         'SC SM SA CM -- GM AA',
  'sms.template.save':                     '-- SM -- CM -- GM AA',
  'sms.settings':                          '-- -- -- -- -- GM AA',
  'sms.settings.save':                     '-- -- -- -- -- GM AA',
  'sms.status':                            'SC SM SA CM -- GM AA',
  'serviceVisits.vehicle':                 '-- -- -- CM AD GM AA',
  'serviceVisits.add':                     '-- -- -- CM AD GM AA',
  'serviceVisits.import':                  '-- -- -- CM AD GM AA',
  'surveys.import':                        '-- -- -- CM -- GM AA',
  'telephony.settings.get':                'SC SM SA CM AD GM AA',
  'telephony.settings.save':               'SC SM SA CM AD GM AA',
  'telephony.credentials':                 'SC SM SA CM AD GM AA',
  'telephony.lookup':                      'SC SM SA CM AD GM AA',
  'telephony.call.start':                  'SC SM SA CM AD GM AA',
  'telephony.call.answer':                 'SC SM SA CM AD GM AA',
  'telephony.call.end':                    'SC SM SA CM AD GM AA',
  'telephony.call.outcome':                'SC SM SA CM AD GM AA',
  'telephony.call.get':                    'SC SM SA CM AD GM AA',
  'telephony.calls.closeInterrupted':      'SC SM SA CM AD GM AA',
  'telephony.calls.missed':                'SC SM SA CM AD GM AA',
  'telephony.calls.ofCustomer':            'SC SM SA CM AD GM AA',
  'telephony.recording.chunk':             'SC SM SA CM AD GM AA',
  'telephony.recording.finish':            'SC SM SA CM AD GM AA',
  'telephony.recording.export':            'SC SM SA CM AD GM AA',
  'scheduler.overview':                    '-- -- -- -- -- -- AA',
  'scheduler.setCron':                     '-- -- -- -- -- -- AA',
  'scheduler.setPaused':                   '-- -- -- -- -- -- AA',
  'scheduler.runNow':                      '-- -- -- -- -- -- AA',
  'system.health':                         'SC SM SA CM AD GM AA',
};

// prettier-ignore
const DATASET_MATRIX: Record<Dataset, string> = {
  customers:                   'SC SM SA CM AD GM AA',
  showroomVisits:              'SC SM -- -- -- GM AA',
  opportunities:               'SC SM -- -- -- GM AA',
  activities:                  'SC SM -- -- -- GM AA',
  opportunitiesReview:         'SC SM -- -- -- GM AA',
  appointments:                '-- -- SA CM AD GM AA',
  solicitationTasks:           '-- -- SA CM -- GM AA',
  complaints:                  '-- -- SA CM AD GM AA',
  serviceTasks:                '-- -- SA CM AD GM AA',
  reminderFirstService:        '-- -- SA CM -- GM AA',
  reminderRegularService:      '-- -- SA CM -- GM AA',
  reminderMileageService:      '-- -- SA CM -- GM AA',
  reminderExpiryInsurance:     '-- -- SA CM -- GM AA',
  reminderExpiryMembership:    '-- -- SA CM -- GM AA',
  reminderExpiryInspection:    '-- -- SA CM -- GM AA',
  reminderExpiryLicence:       '-- -- SA CM -- GM AA',
  reminderChurn:               '-- -- SA CM -- GM AA',
  reminderBirthday:            '-- -- SA CM -- GM AA',
  revisitSales:                '-- -- SA CM -- GM AA',
  revisitRepair:               '-- -- SA CM -- GM AA',
  recordings:                  'SC SM SA CM AD GM AA',
  jobRuns:                     '-- -- -- -- -- -- AA',
  surveys:                     '-- -- -- CM -- GM AA',
  smsTemplates:                'SC SM SA CM -- GM AA',
  dictionaries:                '-- -- -- -- -- -- AA',
  walkInBatches:               '-- SM -- -- -- GM AA',
  calls:                       '-- -- -- CM -- GM AA',
};

const allowed = (row: string, role: Role) => row.split(' ').includes(CODES[role]);

// prettier-ignore
/**
 * Columns and saved views only (no records): 审核自查's roles on the data sets a check lists its
 * records in. Their rows stay refused except through a check's preset (the test below).
 */
const DESCRIBE_ALSO: Partial<Record<Dataset, string>> = {
  showroomVisits:              '-- -- -- CM -- -- --',
};

let t: TestCore;
let tok: Record<string, string>;
beforeAll(async () => {
  t = await makeCore();
  ({ tok } = await usersWithSessions(t.core, ROLES.map((r) => [r, r] as const)));
  // Seven users with real scrypt logins: on a loaded 2-core machine this takes longer than the default.
}, 60_000);
afterAll(() => t.cleanup());

describe('authorisation matrix', () => {
  it('names every method of the contract and every data set, and nothing else', () => {
    expect(Object.keys(METHODS).sort()).toEqual(Object.keys(api).sort());
    expect(Object.keys(DATASET_MATRIX).sort()).toEqual([...DATASETS].sort());
  });

  it('the server refuses each method to exactly the roles marked --', async () => {
    const wrong: string[] = [];
    for (const [method, row] of Object.entries(METHODS)) {
      if (row === 'public') continue;
      for (const role of ROLES) {
        // A number is never a valid input: an allowed role gets INVALID_INPUT, so no handler runs.
        const r = await call(t.core, tok[role]!, method, 42);
        const forbidden = !r.ok && r.error.code === 'FORBIDDEN';
        if (forbidden === allowed(row, role)) wrong.push(`${method} ${role}: ${r.ok ? 'ok' : r.error.code}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('grid data sets (columns, counts, views) are read only by their screens’ roles', async () => {
    const wrong: string[] = [];
    for (const dataset of DATASETS) {
      for (const role of ROLES) {
        const reads = allowed(DATASET_MATRIX[dataset], role);
        const describes = reads || allowed(DESCRIBE_ALSO[dataset] ?? '', role);
        for (const [method, input] of [
          ['grid.columns', { dataset }],
          ['grid.count', { dataset, scope: 'mine' }],
          ['grid.views.list', { dataset }],
        ] as const) {
          const expectOk = method === 'grid.count' ? reads : describes;
          const r = await call(t.core, tok[role]!, method, input);
          if (r.ok !== expectOk || (!r.ok && r.error.code !== 'FORBIDDEN')) wrong.push(`${dataset} ${method} ${role}: ${r.ok ? 'ok' : r.error.code}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a 审核自查 check’s records are read through its preset by the audit’s roles, and by nobody else', async () => {
    const preset = (no: string) => ({ columns: [], preset: `audit:${no}:2026-11-01~2026-11-30` });
    const wrong: string[] = [];
    for (const role of ROLES) {
      // Check 1 lists showroom visits: its screen's roles, plus the CRM manager through the preset only.
      const expectOk = allowed(DATASET_MATRIX.showroomVisits, role) || ['serviceManager', 'generalManager', 'admin'].includes(role);
      const r = await call(t.core, tok[role]!, 'grid.count', { dataset: 'showroomVisits', scope: 'mine', filter: preset('1') });
      if (r.ok !== expectOk || (!r.ok && r.error.code !== 'FORBIDDEN')) wrong.push(`showroomVisits audit:1 ${role}: ${r.ok ? 'ok' : r.error.code}`);
    }
    expect(wrong).toEqual([]);
    // An 'audit:' name on a data set no check lists reads nothing.
    const other = await call(t.core, tok.serviceManager!, 'grid.count', { dataset: 'walkInBatches', scope: 'mine', filter: preset('1') });
    expect(other.ok ? 'ok' : other.error.code).toBe('FORBIDDEN');
  });
});
