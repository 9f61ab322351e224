import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textVariables, type Texts } from '../electron/common/i18n/texts';

const root = new URL('..', import.meta.url).pathname;

/** Every source file under electron/ and renderer/ that defines a texts table (tests and the mechanism itself aside). */
function textsModules(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) textsModules(path, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && readFileSync(path, 'utf8').includes('defineTexts(')) out.push(path);
  }
  return out;
}

const isTexts = (v: unknown): v is Texts<string> =>
  typeof v === 'object' && v !== null && 'table' in v && typeof (v as { text?: unknown }).text === 'function';

describe('every defineTexts table in the tree (server and renderer)', () => {
  const files = [...textsModules(join(root, 'electron')), ...textsModules(join(root, 'renderer'))].filter((f) => !f.endsWith('common/i18n/texts.ts'));

  it('is found: the error, field, telephony, file-import and scheduler texts among them', () => {
    const names = files.map((f) => relative(root, f));
    for (const f of ['electron/common/i18n/error-texts.ts', 'electron/node/features/telephony/message-texts.ts', 'electron/node/file-import/texts.ts', 'renderer/features/scheduler/texts.ts']) {
      expect(names).toContain(f);
    }
  });

  it('has both languages of every text, none empty, with the same placeholders and plural counts', async () => {
    let tables = 0;
    const problems: string[] = [];
    for (const file of files) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (!isTexts(value)) continue;
        tables++;
        for (const [key, text] of Object.entries(value.table)) {
          const where = `${relative(root, file)} ${name}.${key}`;
          if (!text['zh-CN']?.trim()) problems.push(`${where}: zh-CN is empty`);
          if (!text.en?.trim()) problems.push(`${where}: en is empty`);
          const zh = textVariables(text['zh-CN'] ?? '').join(',');
          const en = textVariables(text.en ?? '').join(',');
          if (zh !== en) problems.push(`${where}: zh-CN uses {${zh}}, en uses {${en}}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(tables).toBeGreaterThan(20);
  });
});
