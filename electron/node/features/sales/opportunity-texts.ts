import { defineTexts } from '../../../common/i18n/texts';

/** Texts the sales services write into a refusal or a planned activity, in the user's language. */
export const OPPORTUNITY_TEXTS = defineTexts({
  closedMeanwhile: { 'zh-CN': '该机会已被关闭', en: 'the opportunity was closed meanwhile' },
  // Subjects of the follow-up call planned for the consultant.
  'subject.abandoned': { 'zh-CN': '放弃机会后回访(再次购车意向)', en: 'Follow-up after an abandoned opportunity' },
  'subject.showroomVisit': { 'zh-CN': '展厅来访后电话回访', en: 'Follow-up call after the showroom visit' },
  'subject.testDrive': { 'zh-CN': '试驾后电话回访', en: 'Call after the test drive' },
});
