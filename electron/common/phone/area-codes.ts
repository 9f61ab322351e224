/**
 * Landline area codes (with their trunk 0) of the cities the product knows: the demo data's cities
 * and the other large cities with FAW-VW dealers. The dealer's own code ('dealer.areaCode') defaults
 * from 'dealer.city' through this table; an admin types it where the city is not listed.
 */
export const AREA_CODE_BY_CITY: Readonly<Record<string, string>> = {
  '深圳': '0755', '广州': '020', '东莞': '0769', '佛山': '0757', '北京': '010', '上海': '021',
  '天津': '022', '重庆': '023', '成都': '028', '杭州': '0571', '南京': '025', '苏州': '0512',
  '武汉': '027', '西安': '029', '长春': '0431', '沈阳': '024', '哈尔滨': '0451', '郑州': '0371',
  '济南': '0531', '青岛': '0532', '长沙': '0731', '合肥': '0551', '福州': '0591', '昆明': '0871',
  '大连': '0411', '宁波': '0574', '厦门': '0592', '无锡': '0510', '温州': '0577', '石家庄': '0311',
  '太原': '0351', '南昌': '0791', '南宁': '0771', '贵阳': '0851', '兰州': '0931', '乌鲁木齐': '0991',
  '呼和浩特': '0471', '海口': '0898', '银川': '0951', '西宁': '0971', '拉萨': '0891', '珠海': '0756',
  '中山': '0760', '惠州': '0752', '烟台': '0535', '常州': '0519', '徐州': '0516', '洛阳': '0379',
  '唐山': '0315', '保定': '0312', '泉州': '0595', '绍兴': '0575', '嘉兴': '0573', '南通': '0513',
  '扬州': '0514', '潍坊': '0536', '临沂': '0539', '吉林': '0432', '大庆': '0459', '鞍山': '0412',
  '包头': '0472', '柳州': '0772', '桂林': '0773', '三亚': '0898', '汕头': '0754', '江门': '0750',
  '湛江': '0759', '襄阳': '0710', '宜昌': '0717', '株洲': '0731', '芜湖': '0553', '绵阳': '0816',
};

/** The area code of a city by its name ('大连' or '大连市'), or undefined when the table lacks it. */
export function areaCodeOfCity(city: string): string | undefined {
  const name = city.trim();
  return Object.hasOwn(AREA_CODE_BY_CITY, name) ? AREA_CODE_BY_CITY[name] : AREA_CODE_BY_CITY[name.replace(/市$/, '')];
}

/**
 * The dealer's area code for local numbers without one: the admin's setting ('dealer.areaCode'),
 * or, when that is empty, the code of 'dealer.city'; null when neither gives one.
 */
export function dealerAreaCode(settings: { areaCode: string; city: string }): string | null {
  return settings.areaCode.trim() || areaCodeOfCity(settings.city) || null;
}
