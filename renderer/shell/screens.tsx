import { lazy, memo, Suspense, type ComponentType } from 'react';
import type { ScreenId } from './modules';
import { useI18n } from '../i18n/react';
import { PlaceholderPanel } from './PlaceholderPanel';

/**
 * A screen loaded when first opened, as a chunk of its own: the page a user waits for after login
 * holds only the shell, and the heavy libraries (ag-grid, echarts, sip.js — named chunks, see
 * renderer/vite.config.ts) arrive with the first screen that needs them.
 */
function lazyScreen<M>(load: () => Promise<M>, name: keyof M): ComponentType {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const SCREENS: Partial<Record<ScreenId, ComponentType>> = {
  'admin.users': lazyScreen(() => import('../features/admin/UsersScreen'), 'UsersScreen'),
  'admin.seats': lazyScreen(() => import('../features/admin/seats/SeatsScreen'), 'SeatsScreen'),
  'callCenter.softphone': lazyScreen(() => import('../features/telephony/SoftphoneScreen'), 'SoftphoneScreen'),
  'callCenter.callLog': lazyScreen(() => import('../features/telephony/CallLogScreen'), 'CallLogScreen'),
  'callCenter.recordings': lazyScreen(() => import('../features/telephony/RecordingsScreen'), 'RecordingsScreen'),
  'admin.audit': lazyScreen(() => import('../features/admin/AuditScreen'), 'AuditScreen'),
  'admin.settings': lazyScreen(() => import('../features/admin/SettingsScreen'), 'SettingsScreen'),
  'admin.scheduler': lazyScreen(() => import('../features/scheduler/SchedulerScreen'), 'SchedulerScreen'),
  'sales.myCustomers': lazyScreen(() => import('../features/customers/CustomersScreen'), 'MyCustomersScreen'),
  'sales.followUpPlans': lazyScreen(() => import('../features/sales/activities/FollowUpPlansScreen'), 'FollowUpPlansScreen'),
  'sales.showroomTraffic': lazyScreen(() => import('../features/sales/showroom/ShowroomTrafficScreen'), 'ShowroomTrafficScreen'),
  'sales.prospects': lazyScreen(() => import('../features/sales/opportunities/ProspectsScreen'), 'ProspectsScreen'),
  'service.customerQuery': lazyScreen(() => import('../features/customers/CustomersScreen'), 'AllCustomersScreen'),
  'service.workbench': lazyScreen(() => import('../features/service/workbench/WorkbenchScreen'), 'WorkbenchScreen'),
  'service.complaints': lazyScreen(() => import('../features/service/complaints/ComplaintsScreen'), 'ComplaintsScreen'),
  'service.salesRevisits': lazyScreen(() => import('../features/service/revisits/RevisitsScreen'), 'SalesRevisitsScreen'),
  'service.repairRevisits': lazyScreen(() => import('../features/service/revisits/RevisitsScreen'), 'RepairRevisitsScreen'),
  'service.appointments': lazyScreen(() => import('../features/service/appointments/AppointmentsScreen'), 'AppointmentsScreen'),
  'service.solicitation': lazyScreen(() => import('../features/service/solicitation/SolicitationScreen'), 'SolicitationScreen'),
  'service.surveys': lazyScreen(() => import('../features/service/surveys/SurveysScreen'), 'SurveysScreen'),
  'service.taskPool': lazyScreen(() => import('../features/service/taskpool/TaskPoolScreen'), 'TaskPoolScreen'),
  'service.reminders': lazyScreen(() => import('../features/service/reminders/RemindersScreen'), 'RemindersScreen'),
  'sales.funnel': lazyScreen(() => import('../features/sales/analysis/FunnelScreen'), 'FunnelScreen'),
  'analysis.funnel': lazyScreen(() => import('../features/sales/analysis/FunnelScreen'), 'FunnelAnalysisScreen'),
  'sales.birthdays': lazyScreen(() => import('../features/sales/analysis/BirthdaysScreen'), 'BirthdaysScreen'),
  'sms.send': lazyScreen(() => import('../features/sms/SmsScreens'), 'SmsSendScreen'),
  'sms.templates': lazyScreen(() => import('../features/sms/SmsScreens'), 'SmsTemplatesScreen'),
  'sms.history': lazyScreen(() => import('../features/sms/SmsScreens'), 'SmsHistoryScreen'),
  'analysis.salesReview': lazyScreen(() => import('../features/sales/analysis/SalesReviewScreen'), 'SalesReviewScreen'),
};

function ScreenView({ id }: { id: ScreenId }) {
  const { t } = useI18n();
  const Component = SCREENS[id];
  if (!Component) return <PlaceholderPanel id={id} />;
  return (
    // The first opening of a screen fetches its chunk: say so rather than show a blank pane.
    <Suspense
      fallback={
        <div className="screen-loading muted" aria-busy="true">
          {t('common.loading')}
        </div>
      }
    >
      <Component />
    </Suspense>
  );
}

/** Memoised: opening a tab (a screen pop's card) re-renders the shell, not every screen already open. */
export const Screen = memo(ScreenView);
