/**
 * `npm test`: every check CI runs — lint, type-check, unit/integration tests (vitest) and browser
 * tests (playwright-core + Debian chromium against the web host) — then one closing line
 * `Tests: N passed, N failed[, N skipped]` computed from vitest's JSON reports.
 * Lint and type-check count as one test each. Installs nothing (see .ci/run for the apt part).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'test-results');
fs.mkdirSync(out, { recursive: true });
const only = process.argv.slice(2); // e.g. `npm test -- unit` runs one suite

let passed = 0;
let failed = 0;
let skipped = 0;
const failures: string[] = [];

function run(name: string, cmd: string, args: string[]): boolean {
  console.log(`\n━━ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } });
  return r.status === 0;
}

function step(name: string, cmd: string, args: string[]): void {
  if (only.length && !only.includes(name)) return;
  if (run(name, cmd, args)) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
  testResults: { name: string; status: string; message?: string }[];
}

function vitest(name: string, extra: string[]): void {
  if (only.length && !only.includes(name)) return;
  const report = path.join(out, `${name}.json`);
  fs.rmSync(report, { force: true });
  const ok = run(name, 'npx', ['vitest', 'run', ...extra, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (!fs.existsSync(report)) {
    failed++;
    failures.push(`${name} (no report: the runner did not start)`);
    return;
  }
  const j = JSON.parse(fs.readFileSync(report, 'utf8')) as VitestJson;
  passed += j.numPassedTests;
  failed += j.numFailedTests;
  skipped += j.numPendingTests + j.numTodoTests;
  // A file that fails to load has no tests to count: count it as a failure so it cannot hide.
  const broken = j.testResults.filter((f) => f.status === 'failed' && f.message);
  failed += broken.length;
  for (const f of broken) failures.push(`${path.relative(root, f.name)}: ${f.message?.split('\n')[0]}`);
  if (!ok && j.numFailedTests === 0 && broken.length === 0) {
    failed++;
    failures.push(`${name} (runner exited non-zero)`);
  }
  if (j.numFailedTests) failures.push(`${name}: ${j.numFailedTests} failing test(s), see above`);
}

step('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
step('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
step('typecheck-electron', 'npx', ['tsc', '-p', 'electron/tsconfig.json', '--noEmit']);
vitest('unit', []);
vitest('e2e', ['--config', 'tests/e2e/vitest.config.ts']);

if (failures.length) {
  console.log('\nFailed:');
  for (const f of failures) console.log(`  - ${f}`);
}
console.log('');
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
