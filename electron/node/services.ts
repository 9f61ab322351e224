import type { Core } from './core';
import { CustomerEditService } from './features/customers/edit';
import { GridService } from './features/grid/service';
import { GridViews } from './features/grid/views';
import { AbandonService } from './features/sales/abandon';
import { ActivityService } from './features/sales/activities';
import type { ActivityServices } from './features/sales/activities-handlers';
import type { Analysis } from './features/sales/analysis-handlers';
import { Birthdays } from './features/sales/birthdays';
import { DealService } from './features/sales/deal';
import { FunnelService } from './features/sales/funnel';
import { IntentService } from './features/sales/intents';
import { ManagerLists } from './features/sales/manager-lists';
import { NotificationService } from './features/sales/notifications';
import { OpportunityService } from './features/sales/opportunities';
import { PlanTemplateService } from './features/sales/plan-templates';
import { ReassignService } from './features/sales/reassign';
import { ReviewService } from './features/sales/review';
import type { SalesServices } from './features/sales/services';
import { ShowroomService } from './features/sales/showroom';
import type { ShowroomServices } from './features/sales/showroom-handlers';
import { TestDriveService } from './features/sales/test-drive';
import { TrafficService } from './features/sales/traffic';
import { WalkInService } from './features/sales/walk-ins';
import { JOBS } from './jobs';
import { LanPresence } from './lan/lan-status';
import { EscalatedDay } from './features/scheduler/maintenance';
import { Scheduler } from './features/scheduler/scheduler';
import { AppointmentService } from './features/service/appointments';
import { ComplaintsService } from './features/service/complaints';
import { LowScoreService } from './features/service/low-score';
import { ReminderService } from './features/service/reminders';
import { RevisitLists } from './features/service/revisit-lists';
import { RevisitService } from './features/service/revisits';
import type { RevisitServices } from './features/service/revisits-handlers';
import { SolicitationService } from './features/service/solicitation';
import { TaskPoolService } from './features/service/task-pool';
import { WorkbenchService } from './features/service/workbench';
import { SmsService } from './features/sms/service';
import { CallLog } from './features/telephony/call-log';
import { RecordingUploads } from './features/telephony/recording-upload';
import { Recordings } from './features/telephony/recordings';
import type { Telephony } from './features/telephony/services';
import { SoftphoneSettings } from './features/telephony/settings';
import { SecretBox } from './secret-box';
import { DataImports } from './features/data-import/service';
import { RestoreService } from './features/backup/restore';
import { DedupeService } from './features/dedupe/service';
import { AgentStates, Dialer } from './features/call-center';

/**
 * The feature services of one core, the one place they are built (handlers reach them as
 * `ctx.core.services.sales`). Each is made on first use, not in createCore: most prepare
 * statements against the database, and the web host's cold start (bench webhost.cold_start_ms)
 * should not pay for services a session may never call. One instance per core, so prepared
 * statements and in-memory state (SMS runs, recording sequence) belong to that core's database.
 */
export interface Services {
  grid: { grid: GridService; views: GridViews };
  customerEdit: CustomerEditService;
  sales: SalesServices;
  activities: ActivityServices;
  analysis: Analysis;
  showroom: ShowroomServices;
  reminders: ReminderService;
  revisits: RevisitServices;
  appointments: AppointmentService;
  complaints: ComplaintsService;
  solicitation: SolicitationService;
  taskPool: TaskPoolService;
  workbench: WorkbenchService;
  sms: SmsService;
  telephony: Telephony;
  /** The stopped scheduler with the registered jobs until a host starts it; a test may put its own here. */
  scheduler: Scheduler;
  /** The LAN listener this core is served on, while it runs (lan/lan-status.ts). */
  lan: LanPresence;
  /** 数据导入: the import running in the background (one at a time). */
  dataImport: DataImports;
  /** 客户去重: the duplicate scan (one at a time) and its groups. */
  dedupe: DedupeService;
  agentStates: AgentStates;
  /** 作业模式: the preview dialer's queues and claims. */
  dialer: Dialer;
  /** 备份与恢复 → 恢复: the restore under way, if any (one at a time). */
  restore: RestoreService;
  /** The day the overdue-task escalation last finished (scheduler/maintenance.ts). */
  escalatedDay: EscalatedDay;
}

type Builders<T> = { [K in keyof T]: () => T[K] };

/** An object whose properties are built by their builder on first read, then kept; assigning replaces one. */
export function lazily<T extends object>(builders: Builders<T>): T {
  const made = {} as T;
  for (const key of Object.keys(builders) as (keyof T)[]) {
    let value: T[typeof key] | undefined;
    Object.defineProperty(made, key, {
      enumerable: true,
      get: () => (value ??= builders[key]()),
      set: (v: T[typeof key]) => {
        value = v;
      },
    });
  }
  return made;
}

export function createServices(core: Core): Services {
  const s: Services = lazily<Services>({
    grid: () => ({ grid: new GridService(core), views: new GridViews(core) }),
    customerEdit: () => new CustomerEditService(core),
    sales: () => {
      const opportunities = new OpportunityService(core);
      return {
        opportunities,
        deals: new DealService(core, opportunities),
        abandon: new AbandonService(core, opportunities),
        intents: new IntentService(core, opportunities),
      };
    },
    activities: () => {
      const activities = new ActivityService(core);
      const notifications = new NotificationService(core);
      return {
        activities,
        notifications,
        templates: new PlanTemplateService(core, activities),
        review: new ReviewService(core, activities, notifications),
      };
    },
    analysis: () => ({
      funnel: new FunnelService(core),
      reassign: new ReassignService(core),
      lists: new ManagerLists(core),
      birthdays: new Birthdays(core),
    }),
    showroom: () => ({
      visits: new ShowroomService(core),
      walkIns: new WalkInService(core),
      traffic: new TrafficService(core),
      testDrive: new TestDriveService(core),
    }),
    reminders: () => new ReminderService(core),
    revisits: () => ({ revisits: new RevisitService(core), lists: new RevisitLists(core), lowScore: new LowScoreService(core) }),
    appointments: () => new AppointmentService(core),
    complaints: () => new ComplaintsService(core),
    solicitation: () => new SolicitationService(core),
    taskPool: () => new TaskPoolService(core),
    dataImport: () => new DataImports(core),
    restore: () => new RestoreService(core),
    dedupe: () => new DedupeService(core),
    agentStates: () => new AgentStates(core),
    dialer: () => new Dialer(core),
    workbench: () => new WorkbenchService(core),
    sms: () => new SmsService(core),
    telephony: () => {
      // The key file is read once per core.
      const settings = new SoftphoneSettings(core, new SecretBox(core.dataDir, 'telephony'));
      const calls = new CallLog(core, settings);
      return { settings, calls, recordings: new Recordings(core, calls), uploads: new RecordingUploads(core, calls) };
    },
    scheduler: () => new Scheduler(core, { jobs: JOBS }),
    lan: () => new LanPresence(),
    escalatedDay: () => new EscalatedDay(),
  });
  return s;
}
