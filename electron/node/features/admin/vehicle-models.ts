/** FAW-Volkswagen (一汽-大众) models, competitor brands and colours of the demo data. */

export interface CarModel {
  /** Dictionary code (kind 'model'); vehicles.model and opportunities.model hold it. */
  code: string;
  zh: string;
  en: string;
  /** Typical transaction price in yuan. */
  price: number;
  /** First year it was sold. */
  since: number;
  /** Share of sales (relative). */
  weight: number;
  /** VIN positions 4–8 used for this model in the demo data. */
  vds: string;
  /** VIN position 11 (assembly plant). */
  plant: string;
  /** New-energy vehicle: green plate with a 'D' after the prefix. */
  nev: boolean;
}

export const FAW_VW_MODELS: readonly CarModel[] = [
  { code: 'sagitar', zh: '速腾', en: 'Sagitar', price: 149_900, since: 2006, weight: 25, vds: 'BS6F2', plant: 'D', nev: false },
  { code: 'bora', zh: '宝来', en: 'Bora', price: 119_900, since: 2008, weight: 18, vds: 'BA4A1', plant: 'C', nev: false },
  { code: 'magotan', zh: '迈腾', en: 'Magotan', price: 219_900, since: 2007, weight: 14, vds: 'BM7H3', plant: 'C', nev: false },
  { code: 'tayron', zh: '探岳', en: 'Tayron', price: 219_900, since: 2018, weight: 10, vds: 'BY6H3', plant: 'G', nev: false },
  { code: 'golf', zh: '高尔夫', en: 'Golf', price: 139_900, since: 2004, weight: 7, vds: 'BG5A1', plant: 'F', nev: false },
  { code: 'troc', zh: '探歌', en: 'T-Roc', price: 159_900, since: 2018, weight: 6, vds: 'BT4E2', plant: 'F', nev: false },
  { code: 'cc', zh: 'CC', en: 'CC', price: 249_900, since: 2010, weight: 5, vds: 'BC7K3', plant: 'C', nev: false },
  { code: 'tcross', zh: '探影', en: 'T-Cross', price: 129_900, since: 2020, weight: 4, vds: 'BX2E1', plant: 'D', nev: false },
  { code: 'talagon', zh: '揽巡', en: 'Talagon', price: 299_900, since: 2021, weight: 4, vds: 'BL8N4', plant: 'C', nev: false },
  { code: 'id4crozz', zh: 'ID.4 CROZZ', en: 'ID.4 CROZZ', price: 199_900, since: 2021, weight: 5, vds: 'BE4D0', plant: 'F', nev: true },
  { code: 'id6crozz', zh: 'ID.6 CROZZ', en: 'ID.6 CROZZ', price: 279_900, since: 2021, weight: 2, vds: 'BE6D0', plant: 'F', nev: true },
];

export const MODEL_BY_CODE: ReadonlyMap<string, CarModel> = new Map(FAW_VW_MODELS.map((m) => [m.code, m]));

/** The brand code of the dealership's own vehicles (vehicles.brand). */
export const OWN_BRAND = 'faw_vw';

/** Brand dictionary: the own brand first, then competitor brands (for opportunities and showroom visits). */
export const BRANDS: readonly { code: string; zh: string; en: string; competitor: boolean }[] = [
  { code: OWN_BRAND, zh: '一汽-大众', en: 'FAW-Volkswagen', competitor: false },
  { code: 'toyota', zh: '丰田', en: 'Toyota', competitor: true },
  { code: 'honda', zh: '本田', en: 'Honda', competitor: true },
  { code: 'nissan', zh: '日产', en: 'Nissan', competitor: true },
  { code: 'saic_vw', zh: '上汽大众', en: 'SAIC Volkswagen', competitor: true },
  { code: 'buick', zh: '别克', en: 'Buick', competitor: true },
  { code: 'byd', zh: '比亚迪', en: 'BYD', competitor: true },
  { code: 'geely', zh: '吉利', en: 'Geely', competitor: true },
  { code: 'tesla', zh: '特斯拉', en: 'Tesla', competitor: true },
  { code: 'bmw', zh: '宝马', en: 'BMW', competitor: true },
  { code: 'mercedes', zh: '奔驰', en: 'Mercedes-Benz', competitor: true },
  { code: 'mazda', zh: '马自达', en: 'Mazda', competitor: true },
  { code: 'hyundai', zh: '现代', en: 'Hyundai', competitor: true },
  { code: 'changan', zh: '长安', en: 'Changan', competitor: true },
  { code: 'li_auto', zh: '理想', en: 'Li Auto', competitor: true },
];

export const COMPETITOR_BRANDS: readonly string[] = BRANDS.filter((b) => b.competitor).map((b) => b.code);

export const COLOURS: readonly { code: string; zh: string; en: string; weight: number }[] = [
  { code: 'white', zh: '白色', en: 'White', weight: 30 },
  { code: 'black', zh: '黑色', en: 'Black', weight: 22 },
  { code: 'silver', zh: '银色', en: 'Silver', weight: 12 },
  { code: 'grey', zh: '灰色', en: 'Grey', weight: 14 },
  { code: 'blue', zh: '蓝色', en: 'Blue', weight: 8 },
  { code: 'red', zh: '红色', en: 'Red', weight: 6 },
  { code: 'brown', zh: '棕色', en: 'Brown', weight: 4 },
  { code: 'champagne', zh: '香槟色', en: 'Champagne', weight: 4 },
];
