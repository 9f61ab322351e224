/** Chinese personal and company names for the demo data. */
import { WeightedPicker, type Prng } from './prng';

/** The most common surnames with their approximate share of the population (per mille). */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 71], ['李', 79], ['张', 71], ['刘', 54], ['陈', 45], ['杨', 31], ['黄', 22], ['赵', 23], ['吴', 20], ['周', 19],
  ['徐', 17], ['孙', 15], ['马', 15], ['朱', 14], ['胡', 13], ['郭', 12], ['何', 12], ['林', 12], ['高', 12], ['罗', 11],
  ['郑', 11], ['梁', 10], ['谢', 10], ['宋', 9], ['唐', 9], ['许', 8], ['韩', 8], ['冯', 8], ['邓', 8], ['曹', 7],
  ['彭', 7], ['曾', 7], ['肖', 7], ['田', 6], ['董', 6], ['袁', 6], ['潘', 6], ['于', 6], ['蒋', 6], ['蔡', 6],
  ['余', 5], ['杜', 5], ['叶', 5], ['程', 5], ['苏', 5], ['魏', 5], ['吕', 5], ['丁', 5], ['任', 5], ['沈', 4],
  ['姚', 4], ['卢', 4], ['姜', 4], ['崔', 4], ['钟', 4], ['谭', 4], ['陆', 4], ['汪', 4], ['范', 4], ['金', 4],
  ['石', 4], ['廖', 4], ['贾', 3], ['夏', 3], ['韦', 3], ['付', 3], ['方', 3], ['白', 3], ['邹', 3], ['孟', 3],
  ['熊', 3], ['秦', 3], ['邱', 3], ['江', 3], ['尹', 3], ['薛', 3], ['闫', 3], ['段', 3], ['雷', 3], ['侯', 3],
  ['龙', 2], ['史', 2], ['陶', 2], ['黎', 2], ['贺', 2], ['顾', 2], ['毛', 2], ['郝', 2], ['龚', 2], ['邵', 2],
  ['万', 2], ['钱', 2], ['严', 2], ['覃', 2], ['武', 2], ['戴', 2], ['莫', 2], ['孔', 2], ['向', 2], ['汤', 2],
  ['欧阳', 0.5], ['司马', 0.1], ['上官', 0.1], ['诸葛', 0.1],
];

const MALE_CHARS = [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁浩宇俊帆凯健峰建国志文海亮林成东龙晨博然轩睿泽宏振永德毅坤嘉铭阳晓春光荣新杨庆昊天'];
const FEMALE_CHARS = [...'芳娜敏静丽艳娟霞秀英玲萍红燕婷雪琳晶慧颖倩欣怡佳悦梅莉兰洁蕾璐瑶琪涵萱思雨梦彤琴月凤云珊茜薇露丹媛婉妍晓春荣新嘉'];

const surnamePicker = WeightedPicker.of(SURNAMES);

export function surname(rng: Prng): string {
  return surnamePicker.pick(rng);
}

/** A full name: surname + one (25%) or two given-name characters matching the gender. */
export function personName(rng: Prng, male: boolean): string {
  const pool = male ? MALE_CHARS : FEMALE_CHARS;
  const s = surnamePicker.pick(rng);
  if (rng.next() < 0.25) return s + rng.pick(pool);
  return s + rng.pick(pool) + rng.pick(pool);
}

const TRADE_NAMES = [
  '华信', '宏达', '鑫源', '恒泰', '金鼎', '瑞丰', '中科', '天成', '万通', '博远', '盛世', '永安', '嘉禾', '中联', '东方',
  '新世纪', '海天', '联创', '长城', '百川', '汇丰源', '凯旋', '星辰', '锦程', '鼎盛', '华美', '启航', '正泰', '宏图', '富华',
];
const INDUSTRIES = [
  '科技', '贸易', '物流', '建设工程', '餐饮管理', '电子', '实业', '汽车服务', '房地产开发', '医药', '文化传媒', '环保科技',
  '机械设备', '食品', '装饰工程', '信息技术', '供应链管理', '教育咨询', '酒店管理', '新能源',
];

/** '深圳市华信科技有限公司' */
export function companyName(rng: Prng, city: string): string {
  return `${city}市${rng.pick(TRADE_NAMES)}${rng.pick(INDUSTRIES)}有限公司`;
}
