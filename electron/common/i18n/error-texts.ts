import type { ErrorCode } from '../api/contract';
import { defineTexts, type Text } from './texts';

/** Error messages a user can read. {name} placeholders are filled from the error's details. */
export const ERROR_TEXTS = defineTexts({
  UNAUTHENTICATED: { 'zh-CN': '登录已失效,请重新登录', en: 'Your session has ended. Please log in again.' },
  FORBIDDEN: { 'zh-CN': '您的角色无权执行此操作', en: 'Your role is not allowed to do this.' },
  SESSION_LOCKED: { 'zh-CN': '程序已锁定,请输入密码解锁', en: 'The program is locked. Enter your password to unlock it.' },
  PASSWORD_CHANGE_REQUIRED: { 'zh-CN': '首次登录请先修改密码', en: 'Please change your password before continuing.' },
  INVALID_INPUT: { 'zh-CN': '输入有误:{issues}', en: 'Invalid input: {issues}' },
  UNKNOWN_METHOD: { 'zh-CN': '未知的操作:{method}', en: 'Unknown operation: {method}' },
  NOT_FOUND: { 'zh-CN': '记录不存在或已被删除', en: 'The record does not exist or was deleted.' },
  CONFLICT: { 'zh-CN': '操作冲突:{reason}', en: 'Conflict: {reason}' },
  TOO_MANY_ROWS: {
    'zh-CN': '共 {count} 行,超过一次最多导出 {max} 行,请缩小筛选范围',
    en: '{count} rows: more than the {max} that can be exported at once. Narrow the filter.',
  },
  TOO_LARGE: {
    'zh-CN': '内容过大({size}),一次最多 {max}',
    en: 'Too large ({size}); at most {max} at a time.',
  },
  // One answer for a wrong name, a wrong password and a locked account: the login page must not tell
  // an attacker which names exist or which accounts they have locked.
  BAD_CREDENTIALS: {
    'zh-CN': '用户名或密码错误,或账户因连续输错 {max} 次密码已锁定 {minutes} 分钟(锁定期间请稍后再试)',
    en: 'Wrong user name or password, or the account is locked for {minutes, plural, one {# minute} other {# minutes}} after {max, plural, one {# wrong password} other {# wrong passwords}} in a row (then try again later).',
  },
  ACCOUNT_LOCKED: {
    'zh-CN': '密码连续输错 5 次,账户已锁定,请 {minutes} 分钟后再试',
    en: 'Five wrong passwords: the account is locked. Try again in {minutes, plural, one {# minute} other {# minutes}}.',
  },
  // One answer for every attempt limit: parallel logins, logins per address, pairing codes per address.
  TOO_MANY_ATTEMPTS: {
    'zh-CN': '尝试次数过多,请稍候再试',
    en: 'Too many attempts. Please wait a while and try again.',
  },
  WEAK_PASSWORD: {
    'zh-CN': '新密码不符合规则:至少 8 位;至少 2 个字母,且至少 2 个数字或符号;至少 5 个不同字符;不得包含用户名;不得与最近 3 次使用过的密码相同',
    en: 'The new password breaks a rule: at least 8 characters; at least 2 letters and at least 2 digits or symbols; at least 5 different characters; not containing the user name; none of the last 3 passwords.',
  },
  SAME_PASSWORD: { 'zh-CN': '新密码不能与原密码相同', en: 'The new password must differ from the old one.' },
  BAD_ORIGIN: { 'zh-CN': '拒绝来自外部页面的请求', en: 'Request from a foreign page refused.' },
  DATABASE_DAMAGED: {
    'zh-CN': '数据库已损坏,为免扩大损失已停止保存修改(仍可查询)。请联系管理员从备份恢复(备份位于 {backupsDir})',
    en: 'The database is damaged; changes are no longer saved so nothing more is lost (reading still works). Ask the administrator to restore a backup (in {backupsDir}).',
  },
  RESTORING: {
    'zh-CN': '管理员正在从备份恢复数据,暂不能保存修改;恢复完成后程序将重新启动,请重新登录',
    en: 'The administrator is restoring a backup: changes cannot be saved now. The app restarts when it is done; sign in again then.',
  },
  // Two users editing one record: the later save of an older copy is refused, never a silent overwrite.
  STALE_RECORD: {
    'zh-CN': '该记录已被他人修改,请查看最新内容后再保存',
    en: 'Someone else has changed this record. Check the current values, then save again.',
  },
  // LAN seats (issue 15): pairing, seat tokens, the client's pinned host certificate.
  PAIRING_CODE_WRONG: {
    'zh-CN': '配对码错误或已过期,请向管理员索取新的配对码',
    en: 'The pairing code is wrong or has expired. Ask the administrator for a new one.',
  },
  SEAT_UNKNOWN: {
    'zh-CN': '本机尚未配对到主机,请输入管理员提供的配对码',
    en: 'This PC is not paired with the host. Enter the pairing code from the administrator.',
  },
  SEAT_REVOKED: {
    'zh-CN': '本终端已被管理员停用,请联系管理员重新配对',
    en: 'The administrator has revoked this seat. Ask them to pair it again.',
  },
  API_VERSION_MISMATCH: {
    'zh-CN': '主机的 DS-CRM 版本为 {hostApp}(接口 {hostApi}),与本机不同:请安装与主机相同的版本',
    en: 'The host runs DS-CRM {hostApp} (API {hostApi}), which differs from this PC: install the same version as the host.',
  },
  HOST_CERT_CHANGED: {
    'zh-CN': '主机证书已改变,为安全起见已断开。如主机确已更换证书,请由管理员重新配对本机',
    en: "The host's certificate has changed, so the connection was refused. If the host really was given a new certificate, have the administrator pair this PC again.",
  },
  HOST_UNREACHABLE: {
    'zh-CN': '无法连接主机,本次操作未执行,请检查网络后重试',
    en: 'The host cannot be reached; nothing was done. Check the network and try again.',
  },
  INTERNAL: { 'zh-CN': '系统内部错误,已记录,请稍后重试', en: 'Internal error; it has been logged. Please try again.' },
} satisfies Record<ErrorCode, Text>);

/**
 * Messages shown under one field of the customer form (INVALID_INPUT details.fields). Kept next to
 * the error messages so both languages are reviewed together; {name} placeholders as above.
 */
export const FIELD_TEXTS = defineTexts({
  required: { 'zh-CN': '必填', en: 'Required' },
  'idNumber.format': {
    'zh-CN': '身份证号应为 18 位:17 位数字加 1 位数字或 X',
    en: 'An ID number has 18 characters: 17 digits, then a digit or X',
  },
  'idNumber.birthday': { 'zh-CN': '身份证号中的出生日期 {date} 不是有效日期', en: 'The date of birth in the ID number ({date}) is not a real date' },
  'idNumber.future': { 'zh-CN': '身份证号中的出生日期 {date} 晚于今天', en: 'The date of birth in the ID number ({date}) is after today' },
  'idNumber.check': {
    'zh-CN': '身份证号校验位不符,请核对是否有输错的数字',
    en: 'The ID number’s check digit does not match: please look for a mistyped digit',
  },
  'uscc.invalid': {
    'zh-CN': '统一社会信用代码无效(应为 18 位,校验位须正确)',
    en: 'Not a valid unified social credit code (18 characters with a correct check character)',
  },
  'date.format': { 'zh-CN': '请填写有效日期,格式 YYYY-MM-DD', en: 'Enter a real date as YYYY-MM-DD' },
  'date.future': { 'zh-CN': '日期不能晚于今天', en: 'The date cannot be after today' },
  'date.tooOld': { 'zh-CN': '日期不能早于 1900 年', en: 'The date cannot be before 1900' },
  'consent.date': { 'zh-CN': '请填写客户签署同意的日期', en: 'Enter the day the customer gave consent' },
  'consent.method': { 'zh-CN': '请选择同意方式(纸质签字、电子签名或电话录音)', en: 'Choose how consent was given (paper signature, e-signature or call recording)' },
  'consent.withdrawnDate': { 'zh-CN': '请填写客户撤回同意的日期', en: 'Enter the day the customer withdrew consent' },
  'consent.withdrawnBefore': { 'zh-CN': '撤回日期不能早于同意日期', en: 'Consent cannot be withdrawn before the day it was given' },
  'birthday.mismatch': {
    'zh-CN': '生日与身份证号中的出生日期({date})不一致',
    en: 'The birthday differs from the date of birth in the ID number ({date})',
  },
  'gender.mismatch': {
    'zh-CN': '性别与身份证号不一致(身份证号为{gender}性)',
    en: 'The gender differs from the ID number (which says {gender})',
  },
  'email.invalid': { 'zh-CN': '电子邮箱格式无效,例如 name@example.com', en: 'Not a valid e-mail address, e.g. name@example.com' },
  'dict.unknown': { 'zh-CN': '“{code}”不在数据字典中,请从下拉列表选择', en: '“{code}” is not in the dictionary: pick a value from the list' },
  'vin.format': {
    'zh-CN': 'VIN 应为 17 位,仅含数字和字母(不含 I、O、Q)',
    en: 'A VIN has 17 characters: digits and letters except I, O and Q',
  },
  'vin.check': { 'zh-CN': 'VIN 第 9 位校验位不符,请核对是否有输错的字符', en: 'The VIN’s check digit (9th character) does not match: look for a typo' },
  'vin.taken': { 'zh-CN': '该 VIN 已登记在其他客户名下', en: 'This VIN is already registered to another customer' },
  'vin.repeated': { 'zh-CN': '同一 VIN 填写了两次', en: 'The same VIN is entered twice' },
  'plate.invalid': {
    'zh-CN': '车牌格式无效,例如 粤B12345、粤BD12345(新能源)、粤B1234学',
    en: 'Not a valid plate, e.g. 粤B12345, 粤BD12345 (new energy), 粤B1234学',
  },
  'phone.repeated': { 'zh-CN': '该号码在上面已填写', en: 'This number is already entered above' },
  'phone.onePrimary': { 'zh-CN': '只能有一个主号码', en: 'Only one number can be the primary one' },
  'owner.invalid': {
    'zh-CN': '只能分配给在职、且在您管理范围内的用户',
    en: 'Only an active user within your team or scope can own the customer',
  },
  'activity.nextRequired': {
    'zh-CN': '这是该销售机会最后一条计划中的活动:请同时安排下一次跟进活动(类型、时间、主题)',
    en: 'This is the last planned activity of an open opportunity: plan the next follow-up (type, time, subject) as well',
  },
  'activity.notPlanned': { 'zh-CN': '该活动已完成或已取消', en: 'This activity is already done or cancelled' },
  'planTemplate.minSteps': { 'zh-CN': '跟进计划模板至少需要 {min} 个步骤', en: 'A plan template needs at least {min} steps' },
  'planTemplate.inactive': { 'zh-CN': '该模板已停用', en: 'This template is no longer active' },
  'planTemplate.oppClosed': { 'zh-CN': '只能对进行中的销售机会应用跟进计划', en: 'A plan can only be applied to an open opportunity' },
  'gender.male': { 'zh-CN': '男', en: 'male' },
  'gender.female': { 'zh-CN': '女', en: 'female' },
  // sales.* — opportunities, deal, abandon (electron/node/features/sales)
  'sales.source.invalid': { 'zh-CN': '客户来源应为 市场、电话、主动出击 或 展厅', en: 'The source must be marketing, phone, outbound or showroom' },
  'sales.nextActivity.required': {
    'zh-CN': '未关闭的销售机会必须有下一次计划活动',
    en: 'An open opportunity needs a next planned activity',
  },
  'sales.nextActivity.past': { 'zh-CN': '下次活动的计划时间已过,请选择将来的时间', en: 'The next activity’s planned time has passed: pick a later time' },
  'sales.stage.reasonRequired': {
    'zh-CN': '流程状态回退(从“{from}”退回“{to}”)须填写原因',
    en: 'Moving the stage back (from “{from}” to “{to}”) needs a reason',
  },
  'sales.stage.dealRequired': {
    'zh-CN': '“递交新车”须通过交车表单完成(车辆、VIN、价格、交车日期、身份证号)',
    en: 'Delivery is recorded with the delivery form (vehicle, VIN, price, date, ID number)',
  },
  'sales.closed': { 'zh-CN': '该销售机会已关闭({status}),不能再修改', en: 'This opportunity is closed ({status}) and cannot be changed' },
  'sales.price.invalid': { 'zh-CN': '价格应为大于 0 的金额', en: 'The price must be an amount above 0' },
  'sales.date.tooEarly': { 'zh-CN': '日期不能早于今天', en: 'The date cannot be before today' },
  'sales.vin.delivered': { 'zh-CN': '该 VIN 已有交车记录', en: 'A delivery with this VIN already exists' },
  'sales.buyerId.invalid': {
    'zh-CN': '购车人证件号无效:个人填 18 位身份证号,单位填 18 位统一社会信用代码',
    en: 'Not a valid buyer ID: an 18-character ID card number, or a company’s unified social credit code',
  },
  'sales.competitor.required': { 'zh-CN': '原因为“购买竞品”时须选择竞品品牌', en: 'Pick the competitor brand when the reason is a competitor purchase' },
  'sales.consultant.invalid': {
    'zh-CN': '只能指派给在职、且在您管理范围内的销售顾问',
    en: 'Only an active consultant within your team or scope can take the opportunity',
  },
  // Revisits (issue 6)
  'revisit.template.nameKind': {
    'zh-CN': '模板名称须包含“销售”或“维修”(只含其一),才能用于销售回访或维修回访',
    en: 'A template name must contain 销售 (sales) or 维修 (repair), not both, to be offered for sales or repair revisits',
  },
  'revisit.template.kind': { 'zh-CN': '该模板不适用于此类回访', en: 'This template is not for this kind of revisit' },
  'revisit.template.used': { 'zh-CN': '模板已被回访使用,问题不能再修改;请另建模板', en: 'Revisits already used this template, so its questions cannot change; create a new template' },
  'revisit.template.noQuestions': { 'zh-CN': '模板至少需要一个问题', en: 'A template needs at least one question' },
  'revisit.template.options': { 'zh-CN': '每个问题至少需要两个选项', en: 'Every question needs at least two options' },
  'revisit.answer.required': { 'zh-CN': '必答问题未回答:{q}', en: 'Required question not answered: {q}' },
  'revisit.answer.option': { 'zh-CN': '答案不是该问题的选项', en: 'The answer is not one of the question’s options' },
  'revisit.reason.required': { 'zh-CN': '选择“不满意”时至少选择一个不满意原因', en: 'Pick at least one reason when the customer is dissatisfied' },
  'revisit.result.required': { 'zh-CN': '请选择回访结果', en: 'Choose the revisit result' },
  'revisit.done': { 'zh-CN': '该回访已完成', en: 'This revisit is already done' },
  'lowScore.description': {
    'zh-CN': '请填写实际跟进情况;仅“已跟进”或“未接通”不能作为跟进说明',
    en: 'Describe what was actually done; “已跟进” (followed up) or “未接通” (no answer) alone is not a description',
  },
  'lowScore.nextDue': { 'zh-CN': '修复中须安排晚于今天的下次跟进日期', en: 'Being repaired: plan the next follow-up on a later day than today' },
  'lowScore.closed': { 'zh-CN': '该跟进任务已关闭', en: 'This follow-up is already closed' },
  'complaint.locked': { 'zh-CN': '投诉已结案,处理结果已锁定不能修改;如需更改请由经理重新打开', en: 'The complaint is closed and its result is locked; a manager must reopen it to change anything' },
  'complaint.resultRequired': { 'zh-CN': '结案须填写处理结果', en: 'Enter the result to close the complaint' },
  'complaint.reasonRequired': { 'zh-CN': '重新打开须填写原因', en: 'Enter the reason for reopening' },
  'complaint.notClosed': { 'zh-CN': '只有已结案的投诉才能重新打开', en: 'Only a closed complaint can be reopened' },
  'complaint.managerOnly': { 'zh-CN': '只有经理可以重新打开已结案的投诉', en: 'Only a manager can reopen a closed complaint' },
  'complaint.notYours': { 'zh-CN': '该投诉已分派给其他客服顾问', en: 'This complaint is assigned to another agent' },
  'complaint.unassigned': { 'zh-CN': '请先分派处理人', en: 'Assign the complaint to an agent first' },
  'complaint.assignee.invalid': { 'zh-CN': '只能分派给在职的客服人员', en: 'Only active after-sales staff can take a complaint' },
  'complaint.dict.invalid': { 'zh-CN': '请从列表中选择', en: 'Pick a value from the list' },
  'complaint.vehicle.invalid': { 'zh-CN': '该车辆不属于此客户', en: 'The vehicle does not belong to this customer' },
  'workbench.noteRequired': { 'zh-CN': '未成功须填写说明', en: 'Enter a note when the task failed' },
  'workbench.realNote': { 'zh-CN': '请填写跟进的具体内容,“已跟进”或“未接通”不算跟进', en: 'Describe the follow-up: “已跟进” or “未接通” alone is not a follow-up' },
  'workbench.dueDate.invalid': { 'zh-CN': '改期日期须为今天或以后', en: 'The new date must be today or later' },
  'workbench.notOpen': { 'zh-CN': '该任务已完成或已关闭', en: 'The task is already closed' },
  'workbench.notYours': { 'zh-CN': '该任务不是您的', en: 'This task is not yours' },
  'workbench.agent.invalid': { 'zh-CN': '只能分配给在职的客服顾问', en: 'Only an active after-sales agent can take tasks' },
  'taskPool.selection.notTasks': { 'zh-CN': '只能分配客服任务列表中的任务', en: 'Only rows of the tasks list can be assigned' },
  'taskPool.selection.changed': { 'zh-CN': '列表已变化,请刷新后重新选择', en: 'The list has changed: refresh and select again' },
  'reminders.badDate': { 'zh-CN': '请输入有效日期(YYYY-MM-DD)', en: 'Enter a real date (YYYY-MM-DD)' },
  'reminders.rangeOrder': { 'zh-CN': '结束不能早于开始', en: 'The end cannot be before the start' },
  'reminders.rangeTooLong': { 'zh-CN': '生日查询最多一年', en: 'Birthdays can be listed for at most a year' },
  'reminders.badAssignee': { 'zh-CN': '只能分配给在职的客服人员', en: 'Only active after-sales staff can take tasks' },
  'reminders.badChurnReason': { 'zh-CN': '请从列表中选择流失原因', en: 'Pick a churn reason from the list' },
  'reminders.selectionNotList': { 'zh-CN': '所选记录不属于当前列表,请刷新后重试', en: 'The selection is not from this list; refresh and try again' },
  'reminders.vehicleNotCustomers': { 'zh-CN': '该车辆不属于此客户', en: 'The vehicle does not belong to this customer' },
});
