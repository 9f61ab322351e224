import type { CustomerImportField, ImportMapping, ImportProblem } from '../../../common/api/data-import';
import { birthdayOfIdNumber, genderOfIdNumber, idNumberProblem, isPlausibleEmail, isValidUscc, isValidVin } from '../../../common/customer-ids';
import { isDate } from '../../../common/dates';
import type { Locale } from '../../../common/i18n/texts';
import { normalizePlate } from '../customers';
import { RowReader, type PhoneValues } from './row-reader';

export type { PhoneValues } from './row-reader';

/** What a row is checked against: the dealer's lists and users, read once per import. */
export interface RowContext {
  locale: Locale;
  today: string;
  areaCode: string | undefined;
  /** A dictionary's codes by code and by label (lower case); null: the list is empty, anything goes (as the form). */
  sources: Map<string, string> | null;
  occupations: Map<string, string> | null;
  models: Map<string, string> | null;
  /** Model labels longest first, to find 迈腾 in “2024款迈腾 330TSI”. */
  modelLabels: [string, string][];
  /** A dictionary code's label in the importer's language, to show the preview as a user reads it. */
  names?: Map<string, string>;
  /** Active users the importer may give customers to, by user name and by name. */
  owners: Map<string, number>;
}

export interface CustomerValues {
  name: string;
  kind: 'individual' | 'company';
  gender: 'male' | 'female' | 'other';
  idNumber: string | null;
  birthday: string | null;
  birthdayMd: string | null;
  email: string | null;
  province: string | null;
  city: string | null;
  address: string | null;
  wechat: string | null;
  source: string;
  occupation: string | null;
  notes: string | null;
  /** undefined: the owner the importer chose for the whole file. */
  ownerId: number | undefined;
}

export interface VehicleValues {
  vin: string;
  plate: string | null;
  model: string;
  colour: string | null;
  purchaseDate: string | null;
  mileage: number | null;
}

export interface ParsedCustomerRow {
  row: number;
  customer: CustomerValues;
  phones: PhoneValues[];
  vehicle: VehicleValues | null;
  problems: ImportProblem[];
  /** The row as it will be stored, field → text, for the preview. */
  shown: Partial<Record<CustomerImportField, string>>;
}

/** A code of a dictionary from its code or either label (as a user types it); undefined when unknown. */
export function lookup(map: Map<string, string>, v: string): string | undefined {
  return map.get(v.toLowerCase());
}

/** A model code from 迈腾, MAGOTAN or “2024款迈腾 330TSI”; '' when the dictionary has none of it. */
export function modelCode(ctx: RowContext, text: string): string {
  if (ctx.models === null) return text;
  return lookup(ctx.models, text) ?? ctx.modelLabels.find(([label]) => text.toLowerCase().includes(label))?.[1] ?? '';
}

/** A dictionary field (source, occupation): its code, a problem when the list does not know it. */
export function fromDictionary(r: RowReader, ctx: RowContext, field: 'source' | 'occupation', map: Map<string, string> | null): string | null {
  const v = r.cell(field);
  if (!v) return null;
  const code = map === null ? v : lookup(map, v);
  if (code === undefined) r.problem(field, r.f('dict.unknown', { code: v }));
  else r.shown[field] = ctx.names?.get(code) ?? code;
  return code ?? null;
}

/**
 * One file row → the customer, phones and vehicle it stores, with every problem of the row (the
 * customer form's own rules: phone, ID number check digit and birthday, VIN check digit, plate,
 * dates, the dictionaries), each naming its column. A row with a problem is not imported at all.
 */
export function parseCustomerRow(ctx: RowContext, mapping: ImportMapping, row: number, cells: readonly string[]): ParsedCustomerRow {
  const r = new RowReader(ctx.locale, ctx.today, mapping, row, cells);
  const { problems } = r;
  const shown = r.shown as ParsedCustomerRow['shown'];
  const t = r.t.bind(r);
  const f = r.f.bind(r);
  const problem = r.problem.bind(r);
  const cell = r.cell.bind(r);
  const text = r.text.bind(r);
  const day = (field: CustomerImportField) => r.day(field);

  const name = cell('name');
  if (!name) problem('name', t('row.name'));
  else shown.name = name;

  const kindText = cell('kind');
  let kind: CustomerValues['kind'] = 'individual';
  if (/^(公司|单位|企业|集团|company|corporate|organisation|organization)$/i.test(kindText)) kind = 'company';
  else if (kindText && !/^(个人|私人|个体|individual|person|private)$/i.test(kindText)) problem('kind', t('row.kind', { value: kindText }));
  if (kindText) shown.kind = t(`kind.${kind}`);

  const genderText = cell('gender');
  let gender: CustomerValues['gender'] = 'other';
  if (/^(男|先生|male|m)$/i.test(genderText)) gender = 'male';
  else if (/^(女|女士|小姐|female|f)$/i.test(genderText)) gender = 'female';
  else if (genderText && !/^(其它|其他|未知|other|unknown)$/i.test(genderText)) problem('gender', t('row.gender', { value: genderText }));

  let birthday = day('birthday');
  const idNumber = cell('idNumber').replace(/\s/g, '').toUpperCase() || null;
  if (idNumber) {
    shown.idNumber = idNumber;
    if (kind === 'company') {
      if (!isValidUscc(idNumber)) problem('idNumber', f('uscc.invalid'));
    } else {
      const bad = idNumberProblem(idNumber, ctx.today);
      if (bad) problem('idNumber', f(bad.key, { date: bad.date ?? '' }));
      else {
        // As the form: a valid ID number fills a blank birthday and gender, and contradicts a different one.
        const born = birthdayOfIdNumber(idNumber);
        if (birthday === null) birthday = born;
        else if (birthday !== born) problem('birthday', f('birthday.mismatch', { date: born }));
        const g = genderOfIdNumber(idNumber)!;
        if (gender === 'other') gender = g;
        else if (gender !== g) problem('gender', f('gender.mismatch', { gender: f(`gender.${g}`) }));
      }
    }
  }
  if (gender !== 'other') shown.gender = f(`gender.${gender}`);
  if (birthday) shown.birthday = birthday;

  const email = text('email');
  if (email && !isPlausibleEmail(email)) problem('email', f('email.invalid'));

  const phones = r.phones(['mobile', 'phone2'], ctx.areaCode);
  const ownerId = r.user('owner', ctx.owners, 'row.owner');

  const vehicle = parseVehicle(ctx, cell, day, problem, shown, t, f);
  if (phones.length === 0 && vehicle === null && !problems.some((p) => p.field === 'mobile' || p.field === 'phone2' || p.field === 'vin')) {
    problem(null, t('row.contact'));
  }

  const customer: CustomerValues = {
    name,
    kind,
    gender,
    idNumber,
    birthday,
    birthdayMd: birthday && isDate(birthday) ? birthday.slice(5) : null,
    email,
    province: text('province'),
    city: text('city'),
    address: text('address'),
    wechat: text('wechat'),
    source: fromDictionary(r, ctx, 'source', ctx.sources) ?? 'other',
    occupation: fromDictionary(r, ctx, 'occupation', ctx.occupations),
    notes: text('notes'),
    ownerId,
  };
  return { row, customer, phones, vehicle, problems, shown };
}

function parseVehicle(
  ctx: RowContext,
  cell: (f: CustomerImportField) => string,
  day: (f: CustomerImportField) => string | null,
  problem: (f: CustomerImportField | null, reason: string) => void,
  shown: ParsedCustomerRow['shown'],
  t: RowReader['t'],
  f: RowReader['f'],
): VehicleValues | null {
  const vin = cell('vin').replace(/[\s\u3000]/g, '').toUpperCase();
  const plateText = cell('plate');
  const modelText = cell('model');
  const colour = cell('colour') || null;
  const purchaseDate = day('purchaseDate');
  const mileageText = cell('mileage').replace(/[,,\s]|km|公里/gi, '');
  if (!vin) {
    if (plateText || modelText || colour || purchaseDate || mileageText) problem('vin', t('row.vehicleWithoutVin'));
    return null;
  }
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(vin)) problem('vin', f('vin.format'));
  else if (!isValidVin(vin)) problem('vin', f('vin.check'));
  else shown.vin = vin;
  let plate: string | null = null;
  if (plateText) {
    plate = normalizePlate(plateText);
    if (plate === null) problem('plate', f('plate.invalid'));
    else shown.plate = plate;
  }
  let model = '';
  if (!modelText) problem('model', t('row.modelMissing'));
  else {
    model = modelCode(ctx, modelText);
    if (!model) problem('model', t('row.model', { value: modelText }));
  }
  if (model) shown.model = ctx.names?.get(model) ?? model;
  if (colour) shown.colour = colour;
  let mileage: number | null = null;
  if (mileageText) {
    mileage = Number(mileageText);
    if (!Number.isInteger(mileage) || mileage < 0 || mileage > 2_000_000) {
      problem('mileage', t('row.mileage', { value: cell('mileage') }));
      mileage = null;
    } else shown.mileage = String(mileage);
  }
  return { vin, plate, model, colour, purchaseDate, mileage };
}
