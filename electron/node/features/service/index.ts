/**
 * The customer-service feature's public surface: what the scheduler's nightly generation and the
 * telephony call log use (tests/architecture.test.ts refuses imports into service's other files).
 */
export { AppointmentService } from './appointments';
export { isLowScore, lowScoreDueDate } from './low-score';
export { FIRST_SERVICE_DAYS, defaultRange, seenSince } from './reminder-rules';
export { MAX_TASK_ROWS, dueDate, reasonText } from './reminders';
export { revisitRange, selectRevisits } from './revisit-lists';
export { SolicitationService } from './solicitation';
export { createTasks, type NewTask } from './tasks';
export { isWorkbenchManager } from './workbench';
export { checkVisit, saveVisit, type VehicleFacts as VisitVehicle } from './service-visits';
export { parseVisitType } from './service-visits-rules';
export { dueLimitOf, OPEN_SOLICITATION_STATUSES, OPEN_TASK_STATUSES, openDueSolicitationSql, openDueTaskText, openDueTasksSql, queuePreset } from './task-queues';
