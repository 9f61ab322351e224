/**
 * Cities of the demo data with the things that must agree with each other on a customer card:
 * province, licence-plate prefix(es), landline area code and the GB/T 2260 region codes of their
 * districts (the first six digits of an ID number issued there).
 */
import { areaCodeOfCity } from '../../../common/phone/area-codes';

export interface District {
  /** GB/T 2260 code: the first six digits of an ID number. */
  code: string;
  name: string;
}

export interface City {
  name: string;
  province: string;
  /** Plate prefixes issued in this city (province abbreviation + city letter); the first is the usual one. */
  plates: readonly string[];
  /** Landline area code with its trunk 0. */
  areaCode: string;
  /** Local landline numbers have this many digits. */
  localDigits: 7 | 8;
  /** Relative share of the demo customers. */
  weight: number;
  districts: readonly District[];
}

/** The demo dealership's own city: test-drive vehicles carry its plates. */
export const DEALER_CITY = '深圳';

// Area codes come from the one table the phone rules use (dealer's area code), so they cannot disagree.
const CITY_FACTS: readonly Omit<City, 'areaCode'>[] = [
  { name: '深圳', province: '广东省', plates: ['粤B'], localDigits: 8, weight: 25, districts: [
    { code: '440303', name: '罗湖区' }, { code: '440304', name: '福田区' }, { code: '440305', name: '南山区' },
    { code: '440306', name: '宝安区' }, { code: '440307', name: '龙岗区' }] },
  { name: '广州', province: '广东省', plates: ['粤A'], localDigits: 8, weight: 10, districts: [
    { code: '440103', name: '荔湾区' }, { code: '440104', name: '越秀区' }, { code: '440105', name: '海珠区' },
    { code: '440106', name: '天河区' }, { code: '440111', name: '白云区' }] },
  { name: '东莞', province: '广东省', plates: ['粤S'], localDigits: 8, weight: 7, districts: [
    { code: '441900', name: '南城街道' }, { code: '441900', name: '东城街道' }, { code: '441900', name: '莞城街道' }] },
  { name: '佛山', province: '广东省', plates: ['粤E'], localDigits: 8, weight: 5, districts: [
    { code: '440604', name: '禅城区' }, { code: '440605', name: '南海区' }, { code: '440606', name: '顺德区' }] },
  { name: '北京', province: '北京市', plates: ['京A', '京N', '京P', '京Q'], localDigits: 8, weight: 5, districts: [
    { code: '110101', name: '东城区' }, { code: '110102', name: '西城区' }, { code: '110105', name: '朝阳区' },
    { code: '110106', name: '丰台区' }, { code: '110108', name: '海淀区' }] },
  { name: '上海', province: '上海市', plates: ['沪A', '沪B', '沪D', '沪N'], localDigits: 8, weight: 5, districts: [
    { code: '310101', name: '黄浦区' }, { code: '310104', name: '徐汇区' }, { code: '310105', name: '长宁区' },
    { code: '310112', name: '闵行区' }, { code: '310115', name: '浦东新区' }] },
  { name: '天津', province: '天津市', plates: ['津A', '津B', '津C'], localDigits: 8, weight: 3, districts: [
    { code: '120101', name: '和平区' }, { code: '120103', name: '河西区' }, { code: '120104', name: '南开区' },
    { code: '120116', name: '滨海新区' }] },
  { name: '重庆', province: '重庆市', plates: ['渝A', '渝B', '渝D'], localDigits: 8, weight: 3, districts: [
    { code: '500103', name: '渝中区' }, { code: '500105', name: '江北区' }, { code: '500106', name: '沙坪坝区' },
    { code: '500107', name: '九龙坡区' }, { code: '500112', name: '渝北区' }] },
  { name: '成都', province: '四川省', plates: ['川A'], localDigits: 8, weight: 4, districts: [
    { code: '510104', name: '锦江区' }, { code: '510105', name: '青羊区' }, { code: '510106', name: '金牛区' },
    { code: '510107', name: '武侯区' }, { code: '510108', name: '成华区' }] },
  { name: '杭州', province: '浙江省', plates: ['浙A'], localDigits: 8, weight: 3, districts: [
    { code: '330102', name: '上城区' }, { code: '330105', name: '拱墅区' }, { code: '330106', name: '西湖区' },
    { code: '330108', name: '滨江区' }] },
  { name: '南京', province: '江苏省', plates: ['苏A'], localDigits: 8, weight: 3, districts: [
    { code: '320102', name: '玄武区' }, { code: '320104', name: '秦淮区' }, { code: '320105', name: '建邺区' },
    { code: '320106', name: '鼓楼区' }] },
  { name: '苏州', province: '江苏省', plates: ['苏E'], localDigits: 8, weight: 2, districts: [
    { code: '320505', name: '虎丘区' }, { code: '320506', name: '吴中区' }, { code: '320507', name: '相城区' },
    { code: '320508', name: '姑苏区' }] },
  { name: '武汉', province: '湖北省', plates: ['鄂A'], localDigits: 8, weight: 3, districts: [
    { code: '420102', name: '江岸区' }, { code: '420103', name: '江汉区' }, { code: '420104', name: '硚口区' },
    { code: '420106', name: '武昌区' }, { code: '420111', name: '洪山区' }] },
  { name: '西安', province: '陕西省', plates: ['陕A'], localDigits: 8, weight: 2, districts: [
    { code: '610102', name: '新城区' }, { code: '610103', name: '碑林区' }, { code: '610104', name: '莲湖区' },
    { code: '610113', name: '雁塔区' }] },
  { name: '长春', province: '吉林省', plates: ['吉A'], localDigits: 8, weight: 2, districts: [
    { code: '220102', name: '南关区' }, { code: '220103', name: '宽城区' }, { code: '220104', name: '朝阳区' },
    { code: '220105', name: '二道区' }, { code: '220106', name: '绿园区' }] },
  { name: '沈阳', province: '辽宁省', plates: ['辽A'], localDigits: 8, weight: 2, districts: [
    { code: '210102', name: '和平区' }, { code: '210103', name: '沈河区' }, { code: '210104', name: '大东区' },
    { code: '210105', name: '皇姑区' }, { code: '210106', name: '铁西区' }] },
  { name: '哈尔滨', province: '黑龙江省', plates: ['黑A'], localDigits: 8, weight: 1, districts: [
    { code: '230102', name: '道里区' }, { code: '230103', name: '南岗区' }, { code: '230104', name: '道外区' }] },
  { name: '郑州', province: '河南省', plates: ['豫A'], localDigits: 8, weight: 2, districts: [
    { code: '410102', name: '中原区' }, { code: '410103', name: '二七区' }, { code: '410104', name: '管城回族区' },
    { code: '410105', name: '金水区' }] },
  { name: '济南', province: '山东省', plates: ['鲁A'], localDigits: 8, weight: 2, districts: [
    { code: '370102', name: '历下区' }, { code: '370103', name: '市中区' }, { code: '370104', name: '槐荫区' },
    { code: '370105', name: '天桥区' }] },
  { name: '青岛', province: '山东省', plates: ['鲁B'], localDigits: 8, weight: 2, districts: [
    { code: '370202', name: '市南区' }, { code: '370203', name: '市北区' }, { code: '370211', name: '黄岛区' },
    { code: '370212', name: '崂山区' }] },
  { name: '长沙', province: '湖南省', plates: ['湘A'], localDigits: 8, weight: 2, districts: [
    { code: '430102', name: '芙蓉区' }, { code: '430103', name: '天心区' }, { code: '430104', name: '岳麓区' },
    { code: '430105', name: '开福区' }] },
  { name: '合肥', province: '安徽省', plates: ['皖A'], localDigits: 8, weight: 1, districts: [
    { code: '340102', name: '瑶海区' }, { code: '340103', name: '庐阳区' }, { code: '340104', name: '蜀山区' },
    { code: '340111', name: '包河区' }] },
  { name: '福州', province: '福建省', plates: ['闽A'], localDigits: 8, weight: 1, districts: [
    { code: '350102', name: '鼓楼区' }, { code: '350103', name: '台江区' }, { code: '350104', name: '仓山区' }] },
  { name: '昆明', province: '云南省', plates: ['云A'], localDigits: 8, weight: 1, districts: [
    { code: '530102', name: '五华区' }, { code: '530103', name: '盘龙区' }, { code: '530111', name: '官渡区' }] },
];

export const CITIES: readonly City[] = CITY_FACTS.map((c) => {
  const areaCode = areaCodeOfCity(c.name);
  if (!areaCode) throw new Error(`no area code for the demo city ${c.name} in common/phone/area-codes.ts`);
  return { ...c, areaCode };
});

export const CITY_BY_NAME: ReadonlyMap<string, City> = new Map(CITIES.map((c) => [c.name, c]));

/** Which city issued a plate (by its two-character prefix), or undefined. */
export function cityOfPlate(plate: string): City | undefined {
  const prefix = plate.slice(0, 2);
  return CITIES.find((c) => c.plates.includes(prefix));
}

/** True when the plate's prefix is one the customer's city issues. */
export function plateMatchesCity(plate: string, cityName: string): boolean {
  const city = CITY_BY_NAME.get(cityName);
  return city !== undefined && city.plates.includes(plate.slice(0, 2));
}

/** Street names common to most Chinese cities, for addresses. */
export const ROADS: readonly string[] = [
  '人民路', '中山路', '解放路', '建设路', '和平路', '新华路', '长江路', '黄河路', '胜利路', '文化路',
  '学府路', '科技路', '滨海大道', '东风路', '朝阳路', '光明路', '幸福路', '青年路', '工业大道', '花园路',
  '迎宾大道', '金融街', '创业路', '振兴路', '友谊路', '北京路', '南京路', '湖滨路', '星光大道', '繁华路',
];

/** Residential compound suffixes for addresses. */
export const COMPOUNDS: readonly string[] = ['花园', '小区', '公寓', '家园', '新村', '华庭', '雅苑', '名苑', '大厦', '广场'];
