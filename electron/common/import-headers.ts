// The import's column headers, shared by the host (guessing, saved mappings) and the 数据导入 screen.
import { IMPORT_FIELDS, type CustomerImportField, type ImportField, type ImportKind, type ImportMapping, type OPPORTUNITY_IMPORT_FIELDS, type REPAIR_ORDER_IMPORT_FIELDS } from './api/data-import';

/**
 * Column headers as the DMS exports and the usual Excel sheets write them, per field (compared
 * lower-cased, without spaces, brackets or a trailing *: 手机号码(必填)* is 手机号码). The first
 * column whose header is one of these is taken; the user changes any of it on the mapping step.
 */
export const HEADER_ALIASES: Record<CustomerImportField, readonly string[]> = {
  name: ['name', '姓名', '客户名称', '客户姓名', '客户名', '名称', '车主', '车主姓名', '联系人'],
  mobile: ['mobile', 'phone', '手机', '手机号', '手机号码', '移动电话', '联系电话', '电话', '联系方式', '车主电话'],
  phone2: ['phone2', '其他电话', '其它电话', '固定电话', '座机', '办公电话', '备用电话', '家庭电话', '电话2'],
  kind: ['kind', '客户类型', '客户类别', '个人/单位', '性质'],
  gender: ['gender', '性别'],
  idNumber: ['idnumber', '身份证', '身份证号', '身份证号码', '证件号', '证件号码', '统一社会信用代码'],
  birthday: ['birthday', '生日', '出生日期'],
  email: ['email', 'e-mail', '邮箱', '电子邮箱', '电子邮件'],
  province: ['province', '省份', '省'],
  city: ['city', '城市', '市'],
  address: ['address', '地址', '联系地址', '家庭住址', '通讯地址', '详细地址'],
  wechat: ['wechat', '微信', '微信号'],
  source: ['source', '客户来源', '来源', '信息来源'],
  occupation: ['occupation', '职业'],
  owner: ['owner', '销售顾问', '所属顾问', '顾问', '负责人', '跟进人'],
  notes: ['notes', '备注', '说明'],
  vin: ['vin', 'vin码', '车架号', '车辆识别代号', '车辆识别号', '底盘号'],
  plate: ['plate', '车牌', '车牌号', '车牌号码'],
  model: ['model', '车型', '车系', '车型名称'],
  colour: ['colour', 'color', '颜色', '车身颜色'],
  purchaseDate: ['purchasedate', '购车日期', '购买日期', '开票日期', '销售日期', '交车日期'],
  mileage: ['mileage', '里程', '行驶里程', '当前里程', '公里数'],
};

/** An opportunity file's columns (a DMS 潜客 export): the customer's as above, the rest its own. */
export const OPPORTUNITY_HEADER_ALIASES: Record<(typeof OPPORTUNITY_IMPORT_FIELDS)[number], readonly string[]> = {
  name: HEADER_ALIASES.name,
  mobile: HEADER_ALIASES.mobile,
  phone2: HEADER_ALIASES.phone2,
  source: HEADER_ALIASES.source,
  owner: HEADER_ALIASES.owner,
  model: ['model', '意向车型', '车型', '车系', '关注车型'],
  stage: ['stage', '流程状态', '漏斗阶段', '销售阶段', '阶段', '跟进阶段', '销售流程'],
  channel: ['channel', '来源方式', '线索渠道', '渠道', '获客方式', '接触方式'],
  createdDate: ['createddate', '建档日期', '创建日期', '登记日期', '建卡日期', '首次接触日期'],
  expectedPurchaseDate: ['expectedpurchasedate', '预计购车日期', '预购日期', '计划购车日期', '预计成交日期'],
  price: ['price', '报价', '意向价格', '价格', '预算'],
  nextFollowUp: ['nextfollowup', '下次跟进日期', '下次跟进时间', '计划跟进日期', '下次联系日期'],
};

/** A repair-order file's columns (the DMS's 维修工单 export; the service desk's 导入工单 reads the same). */
export const REPAIR_ORDER_HEADER_ALIASES: Record<(typeof REPAIR_ORDER_IMPORT_FIELDS)[number], readonly string[]> = {
  ro: ['ro', 'ro号', '工单号', '维修工单号', '委托书号'],
  vin: ['vin', '车架号', '车辆识别代号', '底盘号'],
  plate: ['plate', '车牌', '车牌号', '车牌号码'],
  date: ['date', '日期', '维修日期', '进厂日期', '结算日期'],
  type: ['type', '类型', '维修类型', '工单类型'],
  mileage: ['mileage', '里程', '进厂里程', '行驶里程'],
  items: ['items', '项目', '维修项目', '维修内容'],
  advisor: ['advisor', '服务顾问', '接待员'],
  amount: ['amount', '金额', '结算金额'],
};

/** Each kind's fields with the headers they are known by. */
export const ALIASES_OF: Record<ImportKind, Partial<Record<ImportField, readonly string[]>>> = {
  customers: HEADER_ALIASES,
  opportunities: OPPORTUNITY_HEADER_ALIASES,
  repairOrders: REPAIR_ORDER_HEADER_ALIASES,
};

/** A header as compared: lower case, no spaces, no (…) / （…） note, no required-mark *. */
export function headerKey(h: string): string {
  return h
    .toLowerCase()
    .replace(/[\s\u3000]+/g, '')
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/\*+$/, '')
    .replace(/^\*+/, '');
}

/** Each field's column guessed from the header row; a column is given to one field at most. */
export function guessMapping(header: readonly string[], kind: ImportKind = 'customers'): ImportMapping {
  const keys = header.map(headerKey);
  const taken = new Set<number>();
  const out: ImportMapping = {};
  for (const field of IMPORT_FIELDS[kind]) {
    const aliases = ALIASES_OF[kind][field] ?? [];
    // An alias earlier in the list wins: 电话 is the mobile only when no 手机 column exists.
    for (const alias of aliases) {
      const i = keys.findIndex((k, j) => k === alias && !taken.has(j));
      if (i >= 0) {
        out[field] = i;
        taken.add(i);
        break;
      }
    }
  }
  return out;
}

/** A saved mapping (field → header text) applied to this file's header; fields whose header is gone are dropped. */
export function mappingFromSaved(header: readonly string[], columns: Partial<Record<ImportField, string>>): ImportMapping {
  const keys = header.map(headerKey);
  const out: ImportMapping = {};
  for (const [field, text] of Object.entries(columns) as [ImportField, string][]) {
    const i = keys.indexOf(headerKey(text));
    if (i >= 0) out[field] = i;
  }
  return out;
}

/** 1 → A, 27 → AA: a column as Excel labels it, so the user finds the cell. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
