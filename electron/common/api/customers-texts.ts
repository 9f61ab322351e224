import { defineTexts } from '../i18n/texts';
import { enumCodes, enumOptions } from '../i18n/enum-options';

/**
 * 性别 and 客户类型: the stored values and their labels, written once for the contract's schemas
 * (customer form, showroom registration) and every grid column that shows them (客户, 展厅流量,
 * 生日提醒). A value added here is accepted by the forms and offered by the grids at once.
 */
export const GENDER = defineTexts({
  male: { 'zh-CN': '男', en: 'Male' },
  female: { 'zh-CN': '女', en: 'Female' },
  other: { 'zh-CN': '其它', en: 'Other' },
});
export const GENDER_CODES = enumCodes(GENDER);
export const GENDER_OPTIONS = enumOptions(GENDER);
export type Gender = (typeof GENDER_CODES)[number];

export const CUSTOMER_KIND = defineTexts({
  individual: { 'zh-CN': '个人', en: 'Individual' },
  company: { 'zh-CN': '公司', en: 'Company' },
});
export const CUSTOMER_KIND_CODES = enumCodes(CUSTOMER_KIND);
export const CUSTOMER_KIND_OPTIONS = enumOptions(CUSTOMER_KIND);
export type CustomerKind = (typeof CUSTOMER_KIND_CODES)[number];

/** 同意接收商业信息 (reference/003): given or withdrawn; a customer without it has none recorded. */
export const CONSENT_STATUS = defineTexts({
  given: { 'zh-CN': '已同意', en: 'Given' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
});
export const CONSENT_STATUSES = enumCodes(CONSENT_STATUS);
export const CONSENT_STATUS_OPTIONS = enumOptions(CONSENT_STATUS);
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** How consent was given. */
export const CONSENT_METHOD = defineTexts({
  paper: { 'zh-CN': '纸质签字', en: 'Paper signature' },
  esign: { 'zh-CN': '电子签名', en: 'E-signature' },
  recording: { 'zh-CN': '电话录音', en: 'Call recording' },
});
export const CONSENT_METHODS = enumCodes(CONSENT_METHOD);
/** The methods as a form's select offers them, in the user's language. */
export const consentMethodOptions = (locale: string) => CONSENT_METHODS.map((m) => ({ value: m, label: CONSENT_METHOD.text(m, locale) }));
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
