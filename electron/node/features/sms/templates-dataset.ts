import type { DatasetDef } from '../grid';
import { SMS_TEMPLATE_COLUMNS, SMS_TEMPLATE_PURPOSE, SMS_TEMPLATE_STATE } from './texts';
import { enumOptions } from '../../../common/i18n/enum-options';

// The table's keys look like numbers, so the order is given: active first.
const ACTIVE = enumOptions(SMS_TEMPLATE_STATE, ['1', '0']);
const PURPOSE = enumOptions(SMS_TEMPLATE_PURPOSE, ['service', 'marketing']);

/**
 * 短信模板: the dealer's SMS templates. They belong to the dealer, not to a user: every scope lists
 * them all (`shared`), and only managers may change them (sms.template.save checks the role). The
 * table holds tens of rows, never thousands, so sorting by name or time needs no index.
 */
export const smsTemplatesDataset: DatasetDef = {
  from: 'sms_templates c',
  owner: 'NULL',
  shared: true,
  defaultSort: [{ col: 'name', dir: 'asc' }],
  columns: [
    { id: 'id', type: 'number', ...SMS_TEMPLATE_COLUMNS.pair('id'), expr: 'c.id', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: false, width: 70 },
    { id: 'name', type: 'text', ...SMS_TEMPLATE_COLUMNS.pair('name'), expr: 'c.name', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 160 },
    { id: 'category', type: 'text', ...SMS_TEMPLATE_COLUMNS.pair('category'), expr: 'c.category', nullable: true, sortable: true, filterable: true, groupable: true, defaultVisible: true, width: 110 },
    { id: 'purpose', type: 'enum', ...SMS_TEMPLATE_COLUMNS.pair('purpose'), expr: 'c.purpose', enumValues: PURPOSE, nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 90 },
    { id: 'body', type: 'text', ...SMS_TEMPLATE_COLUMNS.pair('body'), expr: 'c.body', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 460 },
    { id: 'active', type: 'enum', ...SMS_TEMPLATE_COLUMNS.pair('active'), expr: "(case when c.active then '1' else '0' end)", enumValues: ACTIVE, nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 80 },
    { id: 'updatedAt', type: 'datetime', ...SMS_TEMPLATE_COLUMNS.pair('updatedAt'), expr: 'c.updated_at', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 150 },
  ],
};
