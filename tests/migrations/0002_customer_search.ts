import { expect } from 'vitest';
import { seedBasics, type MigrationStep } from './step';

let ids: ReturnType<typeof seedBasics>;

/** Quick find's index is filled from the customers a database already holds, and kept by triggers afterwards. */
export default {
  seed(db) {
    ids = seedBasics(db);
  },
  check(db) {
    const find = (where: string) => (db.prepare(`SELECT rowid FROM customer_search WHERE ${where}`).pluck().all() as number[]).sort();
    expect(find("name LIKE '%张伟%'")).toEqual([ids.customerA]);
    expect(find("phones LIKE '%0013800%'")).toEqual([ids.customerA]);
    expect(find("plates LIKE '%B12345%'")).toEqual([ids.customerA]);
    expect(find("name LIKE '%李娜%'")).toEqual([ids.customerB]);
    db.prepare("UPDATE customers SET name = '李娜娜' WHERE id = ?").run(ids.customerB);
    expect(find("name LIKE '%李娜娜%'")).toEqual([ids.customerB]);
  },
} satisfies MigrationStep;
