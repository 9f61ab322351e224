import type { ComponentType } from 'react';
import { AuditScreen } from '../features/admin/AuditScreen';
import { SettingsScreen } from '../features/admin/SettingsScreen';
import { UsersScreen } from '../features/admin/UsersScreen';
import { SchedulerScreen } from '../features/scheduler/SchedulerScreen';
import { AllCustomersScreen, MyCustomersScreen } from '../features/customers/CustomersScreen';
import { FollowUpPlansScreen } from '../features/sales/activities/FollowUpPlansScreen';
import { ShowroomTrafficScreen } from '../features/sales/showroom/ShowroomTrafficScreen';
import { ProspectsScreen } from '../features/sales/opportunities/ProspectsScreen';
import { BirthdaysScreen } from '../features/sales/analysis/BirthdaysScreen';
import { FunnelAnalysisScreen, FunnelScreen } from '../features/sales/analysis/FunnelScreen';
import { SalesReviewScreen } from '../features/sales/analysis/SalesReviewScreen';
import { RepairRevisitsScreen, SalesRevisitsScreen } from '../features/service/revisits/RevisitsScreen';
import { AppointmentsScreen } from '../features/service/appointments/AppointmentsScreen';
import { SolicitationScreen } from '../features/service/solicitation/SolicitationScreen';
import { RemindersScreen } from '../features/service/reminders/RemindersScreen';
import { ComplaintsScreen } from '../features/service/complaints/ComplaintsScreen';
import { WorkbenchScreen } from '../features/service/workbench/WorkbenchScreen';
import { SurveysScreen } from '../features/service/surveys/SurveysScreen';
import { TaskPoolScreen } from '../features/service/taskpool/TaskPoolScreen';
import { CallLogScreen } from '../features/telephony/CallLogScreen';
import { RecordingsScreen } from '../features/telephony/RecordingsScreen';
import { SoftphoneScreen } from '../features/telephony/SoftphoneScreen';
import { SmsHistoryScreen, SmsSendScreen, SmsTemplatesScreen } from '../features/sms/SmsScreens';
import type { ScreenId } from './modules';
import { PlaceholderPanel } from './PlaceholderPanel';

/** Screens that exist; every other menu item shows its placeholder until a later version builds it. */
const SCREENS: Partial<Record<ScreenId, ComponentType>> = {
  'admin.users': UsersScreen,
  'callCenter.softphone': SoftphoneScreen,
  'callCenter.callLog': CallLogScreen,
  'callCenter.recordings': RecordingsScreen,
  'admin.audit': AuditScreen,
  'admin.settings': SettingsScreen,
  'admin.scheduler': SchedulerScreen,
  'sales.myCustomers': MyCustomersScreen,
  'sales.followUpPlans': FollowUpPlansScreen,
  'sales.showroomTraffic': ShowroomTrafficScreen,
  'sales.prospects': ProspectsScreen,
  'service.customerQuery': AllCustomersScreen,
  'service.workbench': WorkbenchScreen,
  'service.complaints': ComplaintsScreen,
  'service.salesRevisits': SalesRevisitsScreen,
  'service.repairRevisits': RepairRevisitsScreen,
  'service.appointments': AppointmentsScreen,
  'service.solicitation': SolicitationScreen,
  'service.surveys': SurveysScreen,
  'service.taskPool': TaskPoolScreen,
  'service.reminders': RemindersScreen,
  'sales.funnel': () => <FunnelScreen />,
  'analysis.funnel': FunnelAnalysisScreen,
  'sales.birthdays': BirthdaysScreen,
  'sms.send': SmsSendScreen,
  'sms.templates': SmsTemplatesScreen,
  'sms.history': SmsHistoryScreen,
  'analysis.salesReview': SalesReviewScreen,
};

export function Screen({ id }: { id: ScreenId }) {
  const Component = SCREENS[id];
  return Component ? <Component /> : <PlaceholderPanel id={id} />;
}
