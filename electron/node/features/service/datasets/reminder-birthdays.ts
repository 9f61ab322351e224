import { sql } from 'drizzle-orm';
import { primaryPhoneExpr } from '../../customers/primary-phone';
import { birthdayRuleSql, notDndCustomerSql, ruleParams } from '../reminder-sql';
import { parameterisedPresets, parseRange } from './reminder-presets';
import type { DatasetDef } from '../../grid/datasets/types';
import { userNameColumn } from '../../grid/datasets';

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
    { id: 'id', type: 'number', zh: '客户编号', en: 'Customer ID', expr: 'c.id', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 90 },
    // The row is the customer; the column is there so every reminder list names its customer the
    // same way (SMS to the ticked rows, the customer card).
    { id: 'customerId', type: 'number', zh: '客户编号', en: 'Customer ID', expr: 'c.id', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 90 },
    { id: 'customerName', type: 'text', zh: '客户', en: 'Customer', expr: 'c.name', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 110 },
    { id: 'phone', type: 'text', zh: '电话', en: 'Phone', expr: primaryPhoneExpr('c.id'), phone: true, nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 130 },
    { id: 'birthdayMd', type: 'text', zh: '生日', en: 'Birthday', expr: 'c.birthday_md', nullable: true, sortable: true, filterable: true, groupable: true, defaultVisible: true, width: 80 },
    { id: 'birthday', type: 'date', zh: '出生日期', en: 'Born', expr: 'c.birthday', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 110 },
    {
      id: 'gender',
      type: 'enum',
      zh: '性别',
      en: 'Gender',
      expr: 'c.gender',
      enumValues: [
        { value: 'male', zh: '男', en: 'Male' },
        { value: 'female', zh: '女', en: 'Female' },
        { value: 'other', zh: '其它', en: 'Other' },
      ],
      nullable: false,
      sortable: false,
      filterable: true,
      groupable: true,
      defaultVisible: true,
      width: 70,
    },
    { id: 'model', type: 'enum', zh: '车型', en: 'Model', expr: 'c.primary_model', dict: 'model', nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 120 },
    { id: 'city', type: 'text', zh: '城市', en: 'City', expr: 'c.city', nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: false, width: 90 },
    userNameColumn({ id: 'ownerName', zh: '销售顾问', en: 'Consultant', userIdExpr: 'c.owner_id' }),
  ],
};
