import { defineTexts } from '../../../common/i18n/texts';

/** Field messages of the appointment and solicitation forms, both languages side by side. */
export const SERVICE_DESK_TEXTS = defineTexts({
  'appointment.slot.unknown': { 'zh-CN': '请选择 {first}–{last} 的整点半时段', en: 'Pick one of the slots {first}–{last}' },
  'appointment.past': { 'zh-CN': '不能预约已经开始或过去的时段({date} {slot})', en: 'This slot has already started or passed ({date} {slot})' },
  'appointment.full': {
    'zh-CN': '{date} {slot} 时段已约满({capacity} 个),请选择其他时段',
    en: 'The slot {date} {slot} is full ({capacity} bookings): pick another slot',
  },
  'appointment.advisor': { 'zh-CN': '请选择在职的服务顾问', en: 'Pick an active service advisor' },
  'appointment.vehicle': { 'zh-CN': '该车辆不属于此客户', en: 'This vehicle does not belong to the customer' },
  'appointment.twice': { 'zh-CN': '该客户当天已有预约({slot})', en: 'The customer already has a booking that day ({slot})' },
  'appointment.status': { 'zh-CN': '该预约当前为“{from}”,不能改为“{to}”', en: 'This appointment is “{from}” and cannot become “{to}”' },
  'appointment.noShowEarly': { 'zh-CN': '时段结束后才能登记未到店', en: 'A no-show can be recorded only after the slot has ended' },
  'solicitation.move': { 'zh-CN': '招揽任务“{from}”不能改为“{to}”', en: 'A task in “{from}” cannot move to “{to}”' },
  'solicitation.failReason': { 'zh-CN': '招揽失败须填写原因', en: 'Give the reason the solicitation failed' },
  'solicitation.agent': { 'zh-CN': '请选择在职的客服顾问', en: 'Pick an active customer-service agent' },
  'solicitation.range': { 'zh-CN': '开始日期不能晚于结束日期,且最长 92 天', en: 'The start must not be after the end, and the range is at most 92 days' },
});
