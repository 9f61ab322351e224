/** The tables a backup's row counts are taken of: what a dealer would look for after a restore. */
export const COUNTED_TABLES = [
  'customers',
  'customer_phones',
  'vehicles',
  'opportunities',
  'activities',
  'showroom_visits',
  'service_visits',
  'revisits',
  'tasks',
  'complaints',
  'calls',
  'recordings',
  'sms_messages',
  'users',
  'audit_log',
] as const;
