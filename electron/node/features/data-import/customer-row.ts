import type { CustomerImportField, ImportMapping, ImportProblem } from '../../../common/api/data-import';
import { birthdayOfIdNumber, genderOfIdNumber, idNumberProblem, isPlausibleEmail, isValidUscc, isValidVin } from '../../../common/customer-ids';
import { addDays, isDate, parseLooseDay } from '../../../common/dates';
import { FIELD_TEXTS } from '../../../common/i18n/errors';
import type { Locale } from '../../../common/i18n/texts';
import { isPhoneError, normalizePhone } from '../../../common/phone';
import { inLocale } from '../../field-problems';
import { columnLetter } from '../../file-import';
import { normalizePlate } from '../customers';
import { IMPORT_TEXTS, type ImportTextKey } from './texts';

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

export interface PhoneValues {
  raw: string;
  normalized: string;
  kind: 'mobile' | 'landline' | 'other';
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

const MAX_TEXT = 200;

/**
 * A day from what Excel and the DMS write: 2026-01-05, 2026/1/5, 2026.1.5, 2026年1月5日, 20260105, with
 * or without a time, or Excel's serial number (46027) when a CSV was saved from a number cell.
 */
export function parseImportDay(raw: string): string | null {
  const s = raw.trim();
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    const serial = Math.floor(Number(s));
    // 1900-03-01 … 2099: Excel's day 1 is 1900-01-01 and it counts a 29 Feb 1900 that never was.
    if (serial >= 61 && serial <= 73_414) return addDays('1899-12-30', serial);
  }
  return parseLooseDay(s);
}

function lookup(map: Map<string, string>, v: string): string | undefined {
  return map.get(v.toLowerCase());
}

/**
 * One file row → the customer, phones and vehicle it stores, with every problem of the row (the
 * customer form's own rules: phone, ID number check digit and birthday, VIN check digit, plate,
 * dates, the dictionaries), each naming its column. A row with a problem is not imported at all.
 */
export function parseCustomerRow(ctx: RowContext, mapping: ImportMapping, row: number, cells: readonly string[]): ParsedCustomerRow {
  const problems: ImportProblem[] = [];
  const shown: ParsedCustomerRow['shown'] = {};
  const t = (key: ImportTextKey, params?: Record<string, string | number>) => IMPORT_TEXTS.text(key, ctx.locale, params);
  const f = (key: keyof typeof FIELD_TEXTS.table, params?: Record<string, string | number>) => FIELD_TEXTS.text(key, ctx.locale, params);
  const problem = (field: CustomerImportField | null, reason: string) =>
    problems.push({ row, field, reason, column: field !== null && mapping[field] !== undefined ? columnLetter(mapping[field]! + 1) : null });
  const cell = (field: CustomerImportField): string => {
    const i = mapping[field];
    // Line breaks and tabs inside a cell (Alt+Enter in Excel) become spaces: stored text is one line.
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    const v = i === undefined ? '' : (cells[i] ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
    if (v.length > MAX_TEXT) {
      problem(field, t('row.tooLong', { max: MAX_TEXT }));
      return '';
    }
    return v;
  };
  const text = (field: CustomerImportField): string | null => {
    const v = cell(field);
    if (v) shown[field] = v;
    return v || null;
  };
  const day = (field: CustomerImportField): string | null => {
    const v = cell(field);
    if (!v) return null;
    const d = parseImportDay(v);
    if (!d) problem(field, t('row.date', { value: v }));
    else if (d > ctx.today) problem(field, f('date.future'));
    else if (d < '1900-01-01') problem(field, f('date.tooOld'));
    else shown[field] = d;
    return d;
  };
  const fromDict = (field: 'source' | 'occupation', map: Map<string, string> | null): string | null => {
    const v = cell(field);
    if (!v) return null;
    const code = map === null ? v : lookup(map, v);
    if (code === undefined) problem(field, f('dict.unknown', { code: v }));
    else shown[field] = ctx.names?.get(code) ?? code;
    return code ?? null;
  };

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

  const phones: PhoneValues[] = [];
  for (const field of ['mobile', 'phone2'] as const) {
    const v = cell(field);
    // One cell may hold two numbers (13800138000/13900139000, 0411-8888888;13800138000).
    for (const raw of v.split(/[/,;、,;]+/).map((x) => x.trim()).filter(Boolean)) {
      const n = normalizePhone(raw, { areaCode: ctx.areaCode });
      if (isPhoneError(n)) {
        problem(field, inLocale(n.error, ctx.locale) ?? n.error);
        continue;
      }
      if (phones.some((p) => p.normalized === n.normalized) || phones.length >= 5) continue;
      phones.push({ raw: raw.slice(0, 40), normalized: n.normalized, kind: n.kind });
    }
    if (v) shown[field] = phones.map((p) => p.raw).join(' / ');
  }

  let ownerId: number | undefined;
  const owner = cell('owner');
  if (owner) {
    ownerId = ctx.owners.get(owner) ?? ctx.owners.get(owner.toLowerCase());
    if (ownerId === undefined) problem('owner', t('row.owner', { value: owner }));
    else shown.owner = owner;
  }

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
    source: fromDict('source', ctx.sources) ?? 'other',
    occupation: fromDict('occupation', ctx.occupations),
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
  t: (key: ImportTextKey, params?: Record<string, string | number>) => string,
  f: (key: keyof typeof FIELD_TEXTS.table, params?: Record<string, string | number>) => string,
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
  else if (ctx.models === null) model = modelText;
  else {
    model = lookup(ctx.models, modelText) ?? ctx.modelLabels.find(([label]) => modelText.toLowerCase().includes(label))?.[1] ?? '';
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
