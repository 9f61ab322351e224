import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 15: a form's save is refused when the record's version moved since the form loaded it. That
// only protects against writes that move the version: a raw UPDATE of a versioned table that
// forgets `version = version + 1` would change a record under an open form without making it stale
// — the silent overwrite the check exists to prevent. (AuditedWriter.update adds it by itself.)
const VERSIONED = ['customers', 'opportunities', 'activities', 'complaints', 'tasks', 'showroom_visits'];
const ROOT = path.resolve(__dirname, '..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.ts$/.test(e.name) && !/\.test(-support)?\.ts$/.test(e.name) ? [p] : [];
  });
}

describe('writes to the records users edit', () => {
  it('every raw UPDATE of a versioned table in the app adds 1 to its version', () => {
    const offenders: string[] = [];
    let scanned = 0;
    const update = new RegExp(`update\\s+(${VERSIONED.join('|')})\\s+set\\s`, 'gi');
    for (const file of sources(path.join(ROOT, 'electron'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(update)) {
        scanned++;
        // The statement runs to the end of its string literal (a template, or a quoted one).
        const rest = text.slice(m.index!, m.index! + 600);
        const end = rest.search(/[`'"]/);
        const statement = end < 0 ? rest : rest.slice(0, end);
        if (!/version\s*=\s*version\s*\+\s*1/i.test(statement)) offenders.push(`${path.relative(ROOT, file)}: ${statement.replace(/\s+/g, ' ').slice(0, 120)}`);
      }
    }
    // Reassignment (customers, opportunities, activities), the SMS opt-out, 任务分配 and the
    // workbench's reassign: the scan must find at least these, or it is looking at nothing.
    expect(scanned).toBeGreaterThanOrEqual(6);
    expect(offenders).toEqual([]);
  });
});
