/**
 * The admin feature's public surface: the audit log, the settings and the reference data other
 * features build on (tests/architecture.test.ts refuses imports into admin's other files).
 * Names are re-exported one by one so a feature gets only what it uses, never a whole file's API.
 */
export { writeAudit, type AuditEntry } from './audit';
export { AuditedWriter } from './audited';
export { SETTING_DEFAULTS, type SettingsService } from './settings';
export { ABANDON_REASONS, COMPLAINT_CATEGORIES, COMPLAINT_SOURCES, DISSATISFACTION_REASONS, OCCUPATIONS, SOLICITATION_FAIL_REASONS, insertStandardDictionaries } from './reference-dictionaries';
export { COLOURS, COMPETITOR_BRANDS, FAW_VW_MODELS, OWN_BRAND, type CarModel } from './vehicle-models';
