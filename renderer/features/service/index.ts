/**
 * The customer-service feature's public surface in the renderer (tests/architecture.test.ts refuses
 * imports into its other files): the forms that close a task, which 作业模式 (call-center) opens
 * after a call just as the workbench does.
 */
export { OutcomeDialog } from './workbench/OutcomeDialog';
export { PriorityBadge } from './workbench/PriorityBadge';
export { revisitOf, useRevisitOutcome, useTaskCalls } from './workbench/use-task-calls';
export { RevisitDialog } from './revisits/RevisitDialog';
export { SolicitationOutcomeDialog } from './solicitation/SolicitationOutcomeDialog';
