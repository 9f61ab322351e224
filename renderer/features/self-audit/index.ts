/** 审核自查's public surface: the home screen's list of today's failing checks. */
export { FailingChecks } from './FailingChecks';
