// Sums vitest JSON reports into one closing line: "tests: N passed, N failed[, N skipped]".
// Exits non-zero when a report is missing, when no test ran, or when a test failed.
import { readFileSync } from 'node:fs';

interface Report {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

const paths = process.argv.slice(2);
if (paths.length === 0) paths.push('out/test-results.json');
let passed = 0;
let failed = 0;
let skipped = 0;
for (const path of paths) {
  const r = JSON.parse(readFileSync(path, 'utf8')) as Report;
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (failed > 0 || passed === 0) process.exit(1);
