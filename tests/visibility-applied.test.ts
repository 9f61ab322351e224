import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Who may see a customer is one rule (electron/node/features/customers/visibility.ts:
 * visibleCustomers / visibleOwned / requireVisible / canSee, and visibleCustomersText for statements
 * prepared once). A feature file that reads the customers table applies it, or is listed here with
 * the reason it may read customers without a user's scope. A new query that forgets the rule fails
 * this test instead of showing a consultant someone else's customers.
 */
const NO_USER_SCOPE: Record<string, string> = {
  'customers/group-counts.ts': 'keeps the per-owner counts table; the grid sums it over the owners the caller may see',
  'customers/search-index.ts': "builds quick find's index; search.ts applies the rule to every answer",
  'data-import/customer-store.ts':
    'an import matches each row against every customer of the dealership (a duplicate outside the importer’s view is still a duplicate); service.ts shows such a match masked and never fills it in',
  'dedupe/scan.ts': 'finds duplicates across the whole dealership (a duplicate outside one user’s view is still one); service.ts shows only groups with two customers the user may see, and merge.ts checks both',
  'data-import/opportunity-kind.ts':
    "reads the owner and version of the customer a row's phone found; the run asks service.ts's visibleCustomers (RunEnv.canSee) before it writes to one",
  'data-import/repair-order-kind.ts': "reads the version of the vehicle's customer; the run asks service.ts's visibleCustomers (RunEnv.canSee) before it writes to one",
  'data-import/undo.ts': 'undoes exactly the customers its own import wrote (import_batch_rows), whoever may see them now',
  'demo/problems.ts': 'demo data, written before any user exists',
  'demo/seed.ts': 'demo data, written before any user exists',
  'demo/aftersales.ts': 'demo data, written before any user exists',
  'demo/aftersales-calls.ts': 'demo data, written before any user exists',
  'demo/aftersales-problems.ts': 'demo data: the detection queries of the seed test',
  'grid/query.ts': "a data set's filters; grid/service.ts adds the data set's owner scope to every query",
  'analysis/visit-rules.ts': "columns of the 展厅流量 grid data set (the visit's customer's source, city, age): grid/service.ts applies its owner scope",
  'sales/datasets/activities.ts': 'a grid data set: grid/service.ts applies its owner scope',
  'sales/datasets/opportunities.ts': 'a grid data set: grid/service.ts applies its owner scope',
  'service/datasets/appointments.ts': 'a grid data set: grid/service.ts applies its owner scope',
  'service/datasets/complaints.ts': 'a grid data set: grid/service.ts applies its owner scope',
  'service/datasets/reminder-vehicles.ts': 'a grid data set: grid/service.ts applies its owner scope',
  'service/datasets/revisit-events.ts': 'a grid data set: grid/service.ts applies its owner scope',
  'service/datasets/service-tasks.ts': 'a grid data set: grid/service.ts applies its owner scope',
  'service/datasets/solicitation-tasks.ts': 'a grid data set: grid/service.ts applies its owner scope',
  'service/datasets/surveys.ts': 'a grid data set: grid/service.ts applies its owner scope',
  'telephony/recordings-dataset.ts': 'a grid data set: grid/service.ts applies its owner scope',
  'analysis/calls-dataset.ts': "a grid data set (通话记录, the call's customer's name): grid/service.ts applies its owner scope",
  'sales/abandon.ts': 'reads the customer of an opportunity the caller was already allowed to change (visibleOwned)',
  'sales/deal.ts': 'reads the customer of an opportunity the caller was already allowed to change (visibleOwned)',
  'sales/dms-export.ts': 'writes the DMS file of a delivery just made; no user reads it back through this query',
  'sales/notifications.ts': "names the customer of the user's own notifications (written for that user)",
  'scheduler/generation.ts': 'the morning job turns rules into tasks for every customer; no user is asking',
  'sms/service.ts': "an inbound TD / 退订 reply changes the sender's customers (免打扰, consent); no user is asking",
  'service/reminder-sql.ts': 'leaves DND customers out of a list the caller scopes (reminders.ts applies the rule)',
  'service/complaints.ts': 'after-sales roles (customers.viewAll) register and handle complaints; the methods are role-checked',
  'service/workbench.ts': "names the customers of the agent's own tasks and appointments",
  'call-center/dialer.ts': "the card of the agent's own claimed task (as the workbench shows it)",
  'call-center/dialer-queue.ts': "reads the agent's own tasks' customers for DND and consent",
  'service/solicitation.ts': 'after-sales roles (customers.viewAll) only; the methods are role-checked',
  'service/solicitation-import.ts': "a manufacturer's campaign file matched to every vehicle by a service manager (customers.viewAll)",
  'service/service-visits-handlers.ts': 'service advisors (customers.viewAll) record repair orders for any vehicle',
  'self-audit/rules.ts': "the audit's counts are the dealer's (only the revisit checks' DND flag is read); its roles have customers.viewAll and the drill grids apply their owner scope",
};

/** What applying the rule looks like in a file: the visibility service, or a helper built on it. */
const APPLIES_RULE = /\bvisibility\.|visibleCustomersText|consultantFilter\(|\bacts\.(visibleSql|writableSql)\(/;
const READS_CUSTOMERS = /\b(from|join)\s+customers\b/i;

const featuresDir = path.resolve(import.meta.dirname, '../electron/node/features');
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

describe('customer visibility is applied wherever a feature reads customers', () => {
  const readers = sources(featuresDir)
    .map((f) => ({ rel: path.relative(featuresDir, f).split(path.sep).join('/'), text: fs.readFileSync(f, 'utf8') }))
    .filter((f) => READS_CUSTOMERS.test(f.text));

  it('every file that reads customers applies visibleCustomers (or a helper on it), or says why it need not', () => {
    expect(readers.length).toBeGreaterThan(20);
    const forgotten = readers.filter((f) => !APPLIES_RULE.test(f.text) && !(f.rel in NO_USER_SCOPE)).map((f) => f.rel);
    expect(forgotten, 'apply core.visibility.visibleCustomers(s) or list the file in NO_USER_SCOPE with the reason').toEqual([]);
  });

  it('the list of exceptions names only files that still read customers without the rule', () => {
    const stale = Object.keys(NO_USER_SCOPE).filter((rel) => {
      const f = readers.find((r) => r.rel === rel);
      return !f || APPLIES_RULE.test(f.text);
    });
    expect(stale).toEqual([]);
  });

  it('customers/service.ts and the other features keep no copy of the rule (customers.viewAll is asked only through the visibility service or auth)', () => {
    const copies = sources(featuresDir)
      .filter((f) => !f.endsWith(`customers${path.sep}visibility.ts`))
      .filter((f) => /teams\s+t\s+where\s+t\.manager_id|permission\s*=\s*'customers\.viewAll'/i.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(featuresDir, f));
    expect(copies).toEqual([]);
  });
});
