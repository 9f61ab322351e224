/**
 * The sales feature's public surface: notifications (the scheduler sends them) and the collector of
 * sales field refusals the service feature reuses (tests/architecture.test.ts refuses imports into sales' other files).
 */
export { NotificationService, type NewNotification } from './notifications';
export { SalesProblems } from './opportunities';
