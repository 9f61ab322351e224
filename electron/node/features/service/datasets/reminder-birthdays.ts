import { sql } from 'drizzle-orm';
import { primaryPhoneExpr } from '../../customers';
import { birthdayRuleSql, notDndCustomerSql, ruleParams } from '../reminder-sql';
import { parameterisedPresets, parseRange } from './reminder-presets';
import { type DatasetDef, userNameColumn } from '../../grid';
import { REMINDER_BIRTHDAY_COLUMNS } from './texts';
import { GENDER_OPTIONS } from '../../../../common/api/customers-texts';

/**
 * 提醒服务 → 生日 on the grid: customers whose birthday (MM-DD) falls in the preset's range (29
 * February on 28 February in a common year), DND customers left out (by id: the COUNT reads only
 * the birthday index). Sortable by the birthday's MM-DD only (customers_birthday_md_idx, which also
 * drives the rule; the id breaks ties).
 */
export const reminderBirthdayDataset: DatasetDef = {
  from: 'customers c',
  searchCustomerId: 'c.id',
  presets: parameterisedPresets(parseRange, (q, today) => sql`${birthdayRuleSql(ruleParams('birthday', today, q), 'c')} and ${notDndCustomerSql('c.id')}`),
  defaultSort: [{ col: 'birthdayMd', dir: 'asc' }],
  columns: [
    { id: 'id', type: 'number', ...REMINDER_BIRTHDAY_COLUMNS.pair('id'), expr: 'c.id', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 90 },
    // The row is the customer; the column is there so every reminder list names its customer the
    // same way (SMS to the ticked rows, the customer card).
    { id: 'customerId', type: 'number', ...REMINDER_BIRTHDAY_COLUMNS.pair('customerId'), expr: 'c.id', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 90 },
    { id: 'customerName', type: 'text', ...REMINDER_BIRTHDAY_COLUMNS.pair('customerName'), expr: 'c.name', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 110 },
    { id: 'phone', type: 'text', ...REMINDER_BIRTHDAY_COLUMNS.pair('phone'), expr: primaryPhoneExpr('c.id'), phone: true, nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 130 },
    { id: 'birthdayMd', type: 'text', ...REMINDER_BIRTHDAY_COLUMNS.pair('birthdayMd'), expr: 'c.birthday_md', nullable: true, sortable: true, filterable: true, groupable: true, defaultVisible: true, width: 80 },
    { id: 'birthday', type: 'date', ...REMINDER_BIRTHDAY_COLUMNS.pair('birthday'), expr: 'c.birthday', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 110 },
    {
      id: 'gender',
      type: 'enum',
      ...REMINDER_BIRTHDAY_COLUMNS.pair('gender'),
      expr: 'c.gender',
      enumValues: GENDER_OPTIONS,
      nullable: false,
      sortable: false,
      filterable: true,
      groupable: true,
      defaultVisible: true,
      width: 70,
    },
    { id: 'model', type: 'enum', ...REMINDER_BIRTHDAY_COLUMNS.pair('model'), expr: 'c.primary_model', dict: 'model', nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 120 },
    { id: 'city', type: 'text', ...REMINDER_BIRTHDAY_COLUMNS.pair('city'), expr: 'c.city', nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: false, width: 90 },
    userNameColumn({ id: 'ownerName', ...REMINDER_BIRTHDAY_COLUMNS.pair('ownerName'), userIdExpr: 'c.owner_id' }),
  ],
};
