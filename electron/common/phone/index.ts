/** The one phone module (normalise, show, compare): see normalize.ts for the rules. */
export { AREA_CODE_RE, isPhoneError, normalizedOrDigits, normalizePhone, type NormalizedPhone, type NormalizeOptions, type PhoneError, type PhoneKind } from './normalize';
export { dialNumber, displayPhone, formatPhone, nationalNumber } from './format';
export { nationalDigits, normalizedPrefix, phoneContainsPatterns, phoneDigits, phonePrefix, phonePrefixes } from './filter';
export { AREA_CODE_BY_CITY, areaCodeOfCity, dealerAreaCode } from './area-codes';
