import type { Sqlite } from '../../../../db/client';
import { todayIn } from '../../../common/dates';
import type { Locale } from '../../../common/i18n/texts';
import type { Core } from '../../core';
import type { SessionCtx } from '../auth';
import type { RowContext } from './customer-row';

/** A dictionary's active codes by code and by both labels (lower case); null when the list is empty (the form then accepts anything too). */
function dictionary(sqlite: Sqlite, kind: string, locale: Locale): { map: Map<string, string> | null; labels: [string, string][]; names: Map<string, string> } {
  const rows = sqlite
    .prepare<[string], { code: string; zh: string; en: string }>('SELECT code, label_zh AS zh, label_en AS en FROM dictionaries WHERE kind = ? AND active = 1')
    .all(kind);
  const names = new Map(rows.map((r) => [r.code, locale === 'en' ? r.en : r.zh]));
  if (!rows.length) return { map: null, labels: [], names };
  const map = new Map<string, string>([['other', 'other']]);
  const labels: [string, string][] = [];
  for (const r of rows) {
    for (const k of [r.code, r.zh, r.en]) map.set(k.toLowerCase(), r.code);
    labels.push([r.zh.toLowerCase(), r.code], [r.en.toLowerCase(), r.code]);
  }
  labels.sort((a, b) => b[0].length - a[0].length);
  return { map, labels: labels.filter(([l]) => l.length >= 2), names };
}

/** What every row of one import is checked against, read once. */
export function rowContext(core: Pick<Core, 'sqlite' | 'settings' | 'clock' | 'services'>, s: SessionCtx, locale: Locale): RowContext {
  const owners = new Map<string, number>();
  for (const u of core.services.customerEdit.assignableOwners(s)) owners.set(u.name, u.id);
  const users = core.sqlite.prepare<[], { id: number; username: string }>('SELECT id, username FROM users WHERE active = 1').all();
  const allowed = new Set(owners.values());
  for (const u of users) if (allowed.has(u.id)) owners.set(u.username.toLowerCase(), u.id);
  const models = dictionary(core.sqlite, 'model', locale);
  const sources = dictionary(core.sqlite, 'source', locale);
  const occupations = dictionary(core.sqlite, 'occupation', locale);
  return {
    locale,
    today: todayIn(core.settings.get('dealer.timeZone'), core.clock.now()),
    areaCode: core.settings.areaCode() ?? undefined,
    sources: sources.map,
    occupations: occupations.map,
    models: models.map,
    modelLabels: models.labels,
    names: new Map([...sources.names, ...occupations.names, ...models.names]),
    owners,
  };
}
