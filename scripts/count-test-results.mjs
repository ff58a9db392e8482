// Sums the vitest JSON reports of one run into CI's last line: "N passed, N failed".
// A step that failed without reporting tests (lint, types, a crashed runner) counts as one failure.
import fs from 'node:fs';
import path from 'node:path';

const [extraFailed = '0', testExitCode = '0'] = process.argv.slice(2);
const dir = '.test-results';
let passed = 0;
let failed = Number(extraFailed);
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^vitest.*\.json$/.test(f)) : [];
for (const f of files) {
  const r = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // a file that failed to load has no tests but is a failure
  failed += r.testResults.filter((t) => t.status === 'failed' && t.assertionResults.length === 0).length;
}
if (Number(testExitCode) !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
