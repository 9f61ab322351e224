import type { Sqlite } from '../../../../db/client';
import type { DictionaryItem } from '../../../common/api/customers';

/**
 * Drop-down lists (source, model, …) from the dictionaries table. Only active items are offered;
 * an unknown kind is simply an empty list, so a screen asking for a list nobody filled yet works.
 */
export class Dictionaries {
  private q;

  constructor(sqlite: Sqlite) {
    this.q = {
      list: sqlite.prepare<[string], DictionaryItem>(
        'SELECT code, label_zh AS zh, label_en AS en FROM dictionaries WHERE kind = ? AND active = 1 ORDER BY sort, code',
      ),
      has: sqlite.prepare<[string, string], { active: number }>('SELECT active FROM dictionaries WHERE kind = ? AND code = ?'),
      any: sqlite.prepare<[string], { n: number }>('SELECT 1 AS n FROM dictionaries WHERE kind = ? LIMIT 1'),
    };
  }

  list(kind: string): DictionaryItem[] {
    return this.q.list.all(kind);
  }

  /**
   * Whether `code` may be stored for `kind`: 'other' (其它) always; otherwise an active item. A kind
   * with no items at all (a fresh database before an administrator fills it) accepts any code, so
   * customers can be entered on day one.
   */
  accepts(kind: string, code: string, current?: string | null): boolean {
    if (code === 'other' || code === current) return true;
    if (!this.q.any.get(kind)) return true;
    return this.q.has.get(kind, code)?.active === 1;
  }
}
