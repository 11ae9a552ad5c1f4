// Prints one line "N passed, N failed" over the JSON reports of every test runner
// (Vitest: reports/unit.json, Playwright: reports/e2e.json). A step that failed before
// its runner wrote a report (type-check, lint, a crash) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir = 'reports', statusArg = '0'] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

const unitPath = join(dir, 'unit.json');
if (existsSync(unitPath)) {
  const unit = JSON.parse(readFileSync(unitPath, 'utf8'));
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
  if ((unit.numFailedTestSuites ?? 0) > 0 && (unit.numFailedTests ?? 0) === 0)
    failed += unit.numFailedTestSuites;
}
const e2ePath = join(dir, 'e2e.json');
if (existsSync(e2ePath)) {
  const e2e = JSON.parse(readFileSync(e2ePath, 'utf8'));
  passed += e2e.stats?.expected ?? 0;
  failed += (e2e.stats?.unexpected ?? 0) + (e2e.stats?.flaky ?? 0);
  skipped += e2e.stats?.skipped ?? 0;
}
if (Number(statusArg) !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
