import { defineTexts } from '../../../common/i18n/texts';

/** Field messages of the showroom forms, both languages side by side (prefix showroom.). */
export const SHOWROOM_TEXTS = defineTexts({
  required: { 'zh-CN': '必填', en: 'Required' },
  'date.format': { 'zh-CN': '请填写有效日期,格式 YYYY-MM-DD', en: 'Enter a real date as YYYY-MM-DD' },
  'dict.unknown': { 'zh-CN': '“{code}”不在数据字典中,请从下拉列表选择', en: '“{code}” is not in the dictionary: pick a value from the list' },
  'showroom.visit.future': { 'zh-CN': '来访时间不能晚于现在', en: 'The visit cannot be in the future' },
  'showroom.visit.timeRequired': { 'zh-CN': '请填写来访时间(补录以前的来访须写明时间)', en: 'Enter the time of the visit (needed for a visit on an earlier day)' },
  'showroom.mode.firstVisit': {
    'zh-CN': '模式 {mode} 为{kind},“首次来店”须与模式一致',
    en: 'Mode {mode} is a {kind}: “first visit” must agree with the mode',
  },
  'showroom.mode.returnNeedsCustomer': {
    'zh-CN': '再次来店(模式 3、4)须为已登记的客户:未找到该电话的客户,请核对电话或选择首次来店的模式',
    en: 'A return visit (mode 3 or 4) needs a registered customer: no customer has this phone. Check the number or pick a first-visit mode',
  },
  'showroom.phone.otherConsultant': {
    'zh-CN': '该电话已登记为 {owner} 的客户({name}),请联系该顾问或销售经理,不要重复建档',
    en: 'This phone belongs to a customer of {owner} ({name}): ask that consultant or the sales manager instead of creating a duplicate',
  },
  'showroom.phone.otherCustomer': {
    'zh-CN': '该电话属于另一位客户({name}),不能改到这条来访上;如确为同一人,请在客户资料中合并或更正',
    en: 'This phone belongs to another customer ({name}): it cannot be moved onto this visit. If they are the same person, correct it on the customer card',
  },
  'showroom.consultant.invalid': { 'zh-CN': '只能登记为本人或您管理范围内的在职顾问', en: 'Only yourself or an active consultant of your teams' },
  'showroom.expected.beforeVisit': { 'zh-CN': '预计购车日期不能早于来访日期', en: 'The expected purchase date cannot be before the visit' },
  'showroom.walkIn.count': { 'zh-CN': '数量不能为 0', en: 'The count cannot be 0' },
  'showroom.walkIn.negative': {
    'zh-CN': '当天该车型只登记了 {total} 位,不能减少 {less} 位',
    en: 'Only {total, plural, one {# walk-in is} other {# walk-ins are}} recorded for this model and day: cannot take away {less}',
  },
  'showroom.walkIn.future': { 'zh-CN': '不能登记明天以后的客流', en: 'Walk-ins cannot be entered for a future day' },
  'showroom.booking.past': { 'zh-CN': '不能预约已经过去的时间', en: 'The booking cannot start in the past' },
  'showroom.booking.order': { 'zh-CN': '结束时间须晚于开始时间', en: 'The end must be after the start' },
  'showroom.booking.tooLong': { 'zh-CN': '一次试驾最长 {hours} 小时', en: 'A test drive lasts at most {hours} hours' },
  'showroom.booking.overlap': {
    'zh-CN': '该车 {from}–{to} 已被预约,请选择其他时间或车辆',
    en: 'This car is already booked {from}–{to}: pick another time or car',
  },
  'showroom.booking.inactive': { 'zh-CN': '该试驾车已停用', en: 'This test-drive car is no longer in use' },
  'showroom.booking.status': { 'zh-CN': '该预约已{status},不能再操作', en: 'This booking is already {status}' },
  'showroom.vehicle.plate': {
    'zh-CN': '车牌格式无效,例如 粤B12345、粤BD12345(新能源)',
    en: 'Not a valid plate, e.g. 粤B12345, 粤BD12345 (new energy)',
  },
  // The visit kind the first-visit message names.
  'kind.firstVisit': { 'zh-CN': '首次来店', en: 'first visit' },
  'kind.returnVisit': { 'zh-CN': '再次来店', en: 'return visit' },
  // A booking's state as the "already …" message names it.
  'booking.status.done': { 'zh-CN': '完成', en: 'done' },
  'booking.status.cancelled': { 'zh-CN': '取消', en: 'cancelled' },
  'booking.status.booked': { 'zh-CN': '预约', en: 'booked' },
  'showroom.vehicle.vin': { 'zh-CN': 'VIN 应为 17 位,仅含数字和字母(不含 I、O、Q)', en: 'A VIN has 17 characters: digits and letters except I, O and Q' },
});
