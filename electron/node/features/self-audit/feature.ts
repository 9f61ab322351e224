import { defineFeature } from '../../feature';
import { selfAuditHandlers } from './handlers';

/** 审核自查 (issue 17): the manufacturer's audit checks; their records are listed in the records' own data sets (presets.ts). */
export const selfAuditFeature = defineFeature({
  name: 'selfAudit',
  handlers: { ...selfAuditHandlers },
});
