/**
 * Customer quick find (`customers.search`): a fragment of a name, phone number, plate or VIN →
 * at most `limit` customers the user may see, best first, fast enough to answer while typing at
 * 1,000,000 customers.
 *
 * How (docs/customer-search.md has the figures):
 * 1. The input is normalised once (full-width → half-width, digits-only input loses its spaces,
 *    dashes and +86, latin is upper-cased for plates and VINs).
 * 2. Candidates come from a few small queries, each capped and each with the visibility rule in
 *    its WHERE clause (so a consultant's cap is filled with their own customers, never with rows
 *    that are thrown away afterwards):
 *    - exact / prefix matches through ordinary B-tree indexes (customers_name_idx, vehicles_plate_idx,
 *      vehicles_vin_uq, phones_normalized_idx) with a range `col >= p AND col < p || U+10FFFF`;
 *    - for 3+ characters, substring matches through the FTS5 trigram index `customer_search`,
 *      one LIKE per relevant column (FTS5 answers `col LIKE '%abc%'` from its trigram index; SQLite
 *      re-checks the LIKE on the row, so the result is exact whatever the table's detail mode).
 *    No user text ever reaches FTS5 query syntax: LIKE patterns carry no operators, and the two
 *    LIKE wildcards are removed from the input (no name, phone, plate or VIN contains them).
 * 3. The candidates (a few hundred at most) are ranked here: exact > prefix (for phones and VINs
 *    also "ends with", how people quote them, ahead of "starts with") > substring; on equal rank
 *    name before phone before plate before VIN; then prefix matches by value, everything else by id
 *    (stable).
 * Display fields (primary or matching phone, plate, VIN, city, owner) are read for the returned
 * rows only.
 */
import { sql, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { Statement } from 'better-sqlite3';
import type { SearchHit } from '../../../common/api/customers';
import type { Sqlite } from '../../../../db/client';
import type { SessionCtx } from '../auth';
import type { CustomerVisibility } from './visibility';
import { nationalDigits, nationalNumber, normalizedPrefix } from '../../../common/phone';

type Field = SearchHit['matched'];

/** What one input means for each field; null = that field is not searched. */
export interface SearchQuery {
  /** The input as normalised (NFKC, trimmed, single spaces). */
  text: string;
  /** Matched against names (case-insensitive). */
  name: string | null;
  /** Digits in the national form the index holds (138…, 0755…). */
  phone: string | null;
  /** Upper-cased, without spaces, for plates (粤B12345). */
  plate: string | null;
  /** Upper-cased latin letters and digits for VINs. */
  vin: string | null;
}

/** Candidates per capped query: enough to rank, small enough to answer in a few ms at 1M rows. */
export const PREFIX_CAP = 50;
export const SUBSTRING_CAP = 100;

const TOP = '\u{10FFFF}';
const FIELD_ORDER: Record<Field, number> = { name: 0, phone: 1, plate: 2, vin: 3 };
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
/** Province abbreviations and the special plate characters (警, 学, 挂 …) are CJK; the rest latin/digits. */
const PLATE_CHARS = /^[\u3400-\u9fffA-Z0-9]+$/u;
const VIN_CHARS = /^[A-Z0-9]+$/;

const codePoints = (s: string) => [...s].length;

/**
 * The user's text → what to look for in each field. Blank input → null (no search).
 * Digits-only input (spaces, dashes, dots, parentheses and a leading +86 / 0086 allowed) is a phone
 * fragment and also a plate / VIN fragment; anything else is a name, plate or VIN fragment.
 */
export function parseSearchInput(q: string): SearchQuery | null {
  // NFKC turns full-width digits, latin and punctuation (１３８－００１３, ＡＢＣ, ideographic space)
  // into their ASCII forms and leaves CJK alone.
  const text = q
    .normalize('NFKC')
    .replace(/[%_]/g, ' ') // LIKE wildcards: never part of a name, phone, plate or VIN
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return null;
  if (/^\+?[\d\s\-.()/]+$/.test(text) && /\d/.test(text)) {
    // A number typed with its country code: compare the national part, as the index holds it
    // (the one set of fragment rules: common/phone/filter.ts).
    const digits = nationalDigits(text, false);
    if (!digits) return null;
    return { text, name: null, phone: digits, plate: digits, vin: digits };
  }
  const upper = text.toUpperCase().replace(/ /g, '');
  return {
    text,
    name: text,
    phone: null,
    plate: PLATE_CHARS.test(upper) ? upper : null,
    vin: !CJK.test(upper) && VIN_CHARS.test(upper) ? upper : null,
  };
}

/** One capped candidate query: which field it searches and the SQL returning (id, value). */
export interface CandidateQuery {
  field: Field;
  /** Prefix query through a B-tree index (value = the one matching value) or trigram substring (value = the column's list). */
  kind: 'prefix' | 'substring';
  sql: SQL;
}

export interface Ranked {
  id: number;
  score: number;
  /** Sort value for prefix-or-better matches (index order); '' otherwise. */
  key: string;
  field: Field;
  /** The value that matched (for phones: the national number, to pick which phone to show). */
  value: string;
}

/** 0 exact, 1 prefix (or, for phones and VINs, suffix), 2 substring, -1 no match. */
function tierOf(value: string, needle: string, suffixCounts: boolean): number {
  if (value === needle) return 0;
  if (value.startsWith(needle) || (suffixCounts && value.endsWith(needle))) return 1;
  return value.includes(needle) ? 2 : -1;
}

/** The best match in one field's values (space-separated for lists), or null. */
export function rankValues(id: number, field: Field, values: string, q: SearchQuery, tailsOnly = false): Ranked | null {
  const needle = q[field];
  if (!needle) return null;
  const fold = field !== 'phone';
  const n = fold ? needle.toUpperCase() : needle;
  const suffixCounts = field === 'phone' || field === 'vin';
  let best: Ranked | null = null;
  for (const value of field === 'name' ? [values] : values.split(' ')) {
    if (!value) continue;
    let tier = tierOf(fold ? value.toUpperCase() : value, n, suffixCounts);
    if (tier < 0) continue;
    // The index holds only the last 8 characters of a VIN: equal to that is an "ends with".
    if (tailsOnly && tier === 0) tier = 1;
    const score = tier * 4 + FIELD_ORDER[field];
    // Prefix matches sort by value (the index order they were capped in). "Ends with" comes before
    // "starts with": 4 digits typed are far more often a phone's last 4 (尾号) than its first 4.
    const endsOnly = tier === 1 && !value.toUpperCase().startsWith(n);
    const key = tier <= 1 && !endsOnly ? value : '';
    const r: Ranked = { id, score, key, field, value };
    if (!best || compareRanked(r, best) < 0) best = r;
  }
  return best;
}

export function compareRanked(a: Ranked, b: Ranked): number {
  return a.score - b.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || a.id - b.id;
}

interface DisplayRow {
  id: number;
  name: string;
  city: string | null;
  ownerName: string | null;
}

export class CustomerSearch {
  private dialect = new SQLiteSyncDialect();
  // The statements depend only on the scope's shape (mine / team / all), so there are few texts.
  private stmts = new Map<string, Statement>();
  private display: Statement;
  private phonesOf: Statement;
  private vehiclesOf: Statement;

  constructor(
    private sqlite: Sqlite,
    private visibility: CustomerVisibility,
  ) {
    this.display = sqlite.prepare(
      'SELECT c.id, c.name, c.city, u.display_name AS ownerName FROM customers c LEFT JOIN users u ON u.id = c.owner_id WHERE c.id = ?',
    );
    this.phonesOf = sqlite.prepare('SELECT raw, normalized, kind FROM customer_phones WHERE customer_id = ? ORDER BY is_primary DESC, id');
    this.vehiclesOf = sqlite.prepare('SELECT plate, vin FROM vehicles WHERE customer_id = ? ORDER BY id');
  }

  private rows(q: SQL): [number, string][] {
    const { sql: text, params } = this.dialect.sqlToQuery(q);
    let st = this.stmts.get(text);
    if (!st) {
      st = this.sqlite.prepare(text).raw();
      this.stmts.set(text, st);
    }
    return st.all(...(params as unknown[])) as [number, string][];
  }

  /**
   * The candidate queries for one input: each returns (customer id, value), capped, with the
   * visibility rule in its WHERE clause. Public so the bench can run the very same SQL raw.
   */
  candidateQueries(s: SessionCtx, q: SearchQuery): CandidateQuery[] {
    const vis = this.visibility.visibleCustomers(s, 'c');
    const out: CandidateQuery[] = [];
    const range = (p: string) => [p, p + TOP] as const;
    // Exact and prefix matches through B-tree indexes, in index order. INDEXED BY keeps the plan
    // on the range even where the visibility term would tempt the planner onto customers_owner_idx
    // (a consultant's 125,000 rows, sorted afterwards).
    if (q.name) {
      const [lo, hi] = range(q.name);
      out.push({
        field: 'name',
        kind: 'prefix',
        sql: sql`SELECT c.id, c.name FROM customers c INDEXED BY customers_name_idx
          WHERE c.name >= ${lo} AND c.name < ${hi} AND ${vis} ORDER BY c.name LIMIT ${PREFIX_CAP}`,
      });
    }
    if (q.plate) {
      const [lo, hi] = range(q.plate);
      out.push({
        field: 'plate',
        kind: 'prefix',
        sql: sql`SELECT v.customer_id, v.plate FROM vehicles v INDEXED BY vehicles_plate_idx JOIN customers c ON c.id = v.customer_id
          WHERE v.plate >= ${lo} AND v.plate < ${hi} AND ${vis} ORDER BY v.plate LIMIT ${PREFIX_CAP}`,
      });
    }
    if (q.vin && codePoints(q.vin) >= 3) {
      const [lo, hi] = range(q.vin);
      out.push({
        field: 'vin',
        kind: 'prefix',
        sql: sql`SELECT v.customer_id, v.vin FROM vehicles v INDEXED BY vehicles_vin_uq JOIN customers c ON c.id = v.customer_id
          WHERE v.vin >= ${lo} AND v.vin < ${hi} AND ${vis} ORDER BY v.vin LIMIT ${PREFIX_CAP}`,
      });
    }
    if (q.phone && q.phone.length >= 3) {
      // Stored as 86 + national significant number: a landline typed with its trunk 0 drops it;
      // the value comes back in the national form the ranking compares.
      const [lo, hi] = range(normalizedPrefix(q.phone));
      out.push({
        field: 'phone',
        kind: 'prefix',
        sql: sql`SELECT p.customer_id, CASE WHEN p.kind = 'landline' THEN '0' ELSE '' END || substr(p.normalized, 3)
          FROM customer_phones p INDEXED BY phones_normalized_idx JOIN customers c ON c.id = p.customer_id
          WHERE p.normalized >= ${lo} AND p.normalized < ${hi} AND ${vis} ORDER BY p.normalized LIMIT ${PREFIX_CAP}`,
      });
    }
    // Substrings through the trigram index: 3+ characters, one capped query per column so a
    // fragment common in one field (VIN serials) cannot crowd out another (phones).
    const like = (field: Field, col: 'name' | 'phones' | 'plates' | 'vins') => {
      const needle = q[field];
      if (!needle || codePoints(needle) < 3) return;
      const column = sql.raw(`s.${col}`);
      out.push({
        field,
        kind: 'substring',
        sql: sql`SELECT s.rowid, ${column} FROM customer_search s JOIN customers c ON c.id = s.rowid
          WHERE ${column} LIKE ${`%${needle}%`} AND ${vis} LIMIT ${SUBSTRING_CAP}`,
      });
    };
    like('name', 'name');
    like('phone', 'phones');
    like('plate', 'plates');
    like('vin', 'vins');
    return out;
  }

  /** The SQL text and parameters of a candidate query (the bench runs them raw). */
  toQuery(c: CandidateQuery): { sql: string; params: unknown[] } {
    return this.dialect.sqlToQuery(c.sql);
  }

  search(s: SessionCtx, input: string, limit = 20): SearchHit[] {
    const q = parseSearchInput(input);
    if (!q) return [];
    const best = new Map<number, Ranked>();
    for (const cq of this.candidateQueries(s, q)) {
      for (const [id, value] of this.rows(cq.sql)) {
        const r = rankValues(id, cq.field, value ?? '', q, cq.field === 'vin' && cq.kind === 'substring');
        if (!r) continue;
        const had = best.get(id);
        if (!had || compareRanked(r, had) < 0) best.set(id, r);
      }
    }
    return [...best.values()]
      .sort(compareRanked)
      .slice(0, limit)
      .map((r) => this.hit(r));
  }

  /** Display fields; a phone, plate or VIN match shows the one that matched, else the primary phone / first car. */
  private hit(r: Ranked): SearchHit {
    const row = this.display.get(r.id) as DisplayRow;
    const phones = this.phonesOf.all(r.id) as { raw: string; normalized: string; kind: string }[];
    const cars = this.vehiclesOf.all(r.id) as { plate: string | null; vin: string }[];
    const phone = (r.field === 'phone' && phones.find((p) => nationalNumber(p.normalized, p.kind) === r.value)) || phones[0];
    const car =
      (r.field === 'plate' && cars.find((v) => v.plate === r.value)) ||
      (r.field === 'vin' && cars.find((v) => v.vin === r.value || v.vin.endsWith(r.value))) ||
      cars.find((v) => v.plate) ||
      cars[0];
    return {
      id: row.id,
      name: row.name,
      phone: phone?.raw ?? null,
      plate: car?.plate ?? null,
      vin: car?.vin ?? null,
      city: row.city,
      ownerName: row.ownerName,
      matched: r.field,
    };
  }
}
