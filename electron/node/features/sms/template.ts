/**
 * Template merge fields: {姓名} in a template is replaced by the recipient's value. A field the
 * recipient lacks (no plate, no appointment) is reported for that recipient instead of sending a
 * message with a hole in it; a field name the system does not know is refused when the template
 * is saved, so a typo never reaches a customer.
 */

export const MERGE_FIELDS = ['姓名', '称呼', '车牌', '车型', '到期日', '预约时间', '经销商', '顾问', '顾问电话'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeValues = Partial<Record<MergeField, string | null>>;

const FIELD_RE = /\{([^{}\s]{1,10})\}/g;
const KNOWN = new Set<string>(MERGE_FIELDS);

/** Field names used in a template, in order of first use. */
export function fieldsOf(body: string): string[] {
  const out: string[] = [];
  for (const m of body.matchAll(FIELD_RE)) if (!out.includes(m[1]!)) out.push(m[1]!);
  return out;
}

/** Field names the system does not know (shown when the template is saved). */
export function unknownFields(body: string): string[] {
  return fieldsOf(body).filter((f) => !KNOWN.has(f));
}

export interface Merged {
  text: string;
  /** Fields the template uses that this recipient has no value for. */
  missing: MergeField[];
}

export function merge(body: string, values: MergeValues): Merged {
  const missing: MergeField[] = [];
  const text = body.replace(FIELD_RE, (whole, name: string) => {
    if (!KNOWN.has(name)) return whole;
    const v = values[name as MergeField];
    if (v == null || String(v).trim() === '') {
      if (!missing.includes(name as MergeField)) missing.push(name as MergeField);
      return whole;
    }
    return String(v);
  });
  return { text, missing };
}

/** 称呼: surname + 先生 / 女士 for a person, the full name for a company or when gender is unknown. */
export function salutation(name: string, gender: 'male' | 'female' | 'other', kind: 'individual' | 'company' = 'individual'): string {
  const n = name.trim();
  if (!n) return '';
  if (kind === 'company' || gender === 'other') return n;
  // Two-character compound surnames are common enough to get right.
  const compound = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒', '夏侯'];
  const surname = compound.find((s) => n.startsWith(s) && n.length > 2) ?? [...n][0]!;
  return `${surname}${gender === 'male' ? '先生' : '女士'}`;
}

/**
 * The dealer's signature 【…】 at the end, as Chinese carriers require a signature; a text that
 * already carries it (start or end) is left alone.
 */
export function withSignature(text: string, signature: string): string {
  const sig = signature.trim().replace(/^【|】$/g, '');
  if (!sig) return text;
  const mark = `【${sig}】`;
  if (text.startsWith(mark) || text.endsWith(mark)) return text;
  return `${text}${mark}`;
}
