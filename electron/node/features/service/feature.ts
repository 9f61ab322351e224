import { defineFeature } from '../../feature';
import { remindersHandlers } from './reminders-handlers';
import { complaintsHandlers } from './complaints-handlers';
import { workbenchHandlers } from './workbench-handlers';
import { taskPoolHandlers } from './task-pool-handlers';
import { appointmentsHandlers } from './appointments-handlers';
import { solicitationHandlers } from './solicitation-handlers';
import { revisitsHandlers } from './revisits-handlers';
import { serviceVisitsHandlers, surveysHandlers } from './service-visits-handlers';
import { complaintsDataset } from './datasets/complaints';
import { serviceTasksDataset } from './datasets/service-tasks';
import { appointmentsDataset } from './datasets/appointments';
import { solicitationTasksDataset } from './datasets/solicitation-tasks';
import { reminderVehiclesDataset } from './datasets/reminder-vehicles';
import { reminderBirthdayDataset } from './datasets/reminder-birthdays';
import { revisitEventsDataset } from './datasets/revisit-events';
import { surveysDataset } from './datasets/surveys';

export const serviceFeature = defineFeature({
  name: 'service',
  handlers: {
    ...remindersHandlers,
    ...complaintsHandlers,
    ...workbenchHandlers,
    ...taskPoolHandlers,
    ...appointmentsHandlers,
    ...solicitationHandlers,
    ...revisitsHandlers,
    ...serviceVisitsHandlers,
    ...surveysHandlers,
  },
  datasets: {
    complaints: complaintsDataset,
    serviceTasks: serviceTasksDataset,
    appointments: appointmentsDataset,
    solicitationTasks: solicitationTasksDataset,
    reminderFirstService: reminderVehiclesDataset('first_service'),
    reminderRegularService: reminderVehiclesDataset('regular_service'),
    reminderMileageService: reminderVehiclesDataset('mileage_service'),
    reminderExpiryInsurance: reminderVehiclesDataset('expiry_insurance'),
    reminderExpiryMembership: reminderVehiclesDataset('expiry_membership'),
    reminderExpiryInspection: reminderVehiclesDataset('expiry_inspection'),
    reminderExpiryLicence: reminderVehiclesDataset('expiry_licence'),
    reminderChurn: reminderVehiclesDataset('churn'),
    reminderBirthday: reminderBirthdayDataset,
    revisitSales: revisitEventsDataset('sales'),
    revisitRepair: revisitEventsDataset('repair'),
    surveys: surveysDataset,
  },
});
