import { describe, expect, it } from 'vitest';
import { KNOWN_INLINE } from './i18n-inline-known';
import { scanSource, scanTree, type InlineHit } from './i18n-inline-scan';

const root = new URL('..', import.meta.url).pathname;
const key = (h: Pick<InlineHit, 'file' | 'kind'>) => `${h.kind} ${h.file}`;

describe('no message is written inline (issue 16 item 5)', () => {
  const hits = scanTree(root);
  const counts = new Map<string, number>();
  for (const h of hits) counts.set(key(h), (counts.get(key(h)) ?? 0) + 1);
  const known = new Map(KNOWN_INLINE.map((k) => [key(k), k.count]));

  it('writes every text in a texts.ts / *-texts.ts beside its feature (zh-CN tables, locale ternaries, Chinese in .tsx)', () => {
    const fresh = hits.filter((h) => (counts.get(key(h)) ?? 0) > (known.get(key(h)) ?? 0)).map((h) => `${h.kind} ${h.file}:${h.line}  ${h.text}`);
    expect(fresh, 'move these texts into the feature’s texts file (defineTexts)').toEqual([]);
  });

  it('lists no debt that is already paid (lower or delete its line in i18n-inline-known.ts)', () => {
    const paid = KNOWN_INLINE.filter((k) => (counts.get(key(k)) ?? 0) < k.count).map((k) => `${key(k)}: ${counts.get(key(k)) ?? 0} left of ${k.count}`);
    expect(paid).toEqual([]);
  });

  it('finds each kind of inline text, and leaves texts files, comments and zh/en pairs alone', () => {
    const src = [
      "const M = { saved: { 'zh-CN': '已保存', en: 'Saved' } };",
      "const reason = p.locale === 'en' ? 'closed meanwhile' : '已被关闭';",
      'const kind = zh',
      "  ? '首次来店'",
      "  : 'first visit';",
      "const code = locale === 'en' ? 'en' : 'zh';",
      "// a comment may quote '已保存'",
      "const col = { zh: '客户', en: 'Customer' };",
      'const view = <span>{t(\'x\')}</span>;',
    ].join('\n');
    expect(scanSource('electron/node/features/x/service.ts', src).map((h) => `${h.kind}:${h.line}`)).toEqual(['table:1', 'ternary:2', 'ternary:3']);
    expect(scanSource('renderer/features/x/Form.tsx', "const a = '客户';\nconst b = <b>保存</b>;").map((h) => `${h.kind}:${h.line}`)).toEqual(['tsx:1', 'tsx:2']);
  });
});
