import type { DatasetDef } from '../grid/datasets/types';

const ACTIVE = [
  { value: '1', zh: '启用', en: 'Active' },
  { value: '0', zh: '停用', en: 'Inactive' },
];

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
    { id: 'id', type: 'number', zh: '编号', en: 'No.', expr: 'c.id', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: false, width: 70 },
    { id: 'name', type: 'text', zh: '模板名称', en: 'Name', expr: 'c.name', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 160 },
    { id: 'category', type: 'text', zh: '类别', en: 'Category', expr: 'c.category', nullable: true, sortable: true, filterable: true, groupable: true, defaultVisible: true, width: 110 },
    { id: 'body', type: 'text', zh: '短信内容', en: 'Text', expr: 'c.body', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 460 },
    { id: 'active', type: 'enum', zh: '状态', en: 'State', expr: "(case when c.active then '1' else '0' end)", enumValues: ACTIVE, nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 80 },
    { id: 'updatedAt', type: 'datetime', zh: '修改时间', en: 'Updated', expr: 'c.updated_at', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 150 },
  ],
};
