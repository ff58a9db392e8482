// Builds the web app (dist/web) when it is missing or older than its sources, so that
// `npm start` and `npm test` work right after `npm install` without a separate build step.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// the web app also imports code lists and types from src/modules and docs (e.g. import-format.md)
const sources = ['web', 'src/modules', 'docs', 'vite.config.ts', 'package-lock.json'];
const marker = 'dist/web/index.html';

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))));
}

if (!fs.existsSync('web')) process.exit(0);
const built = fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0;
if (built && built >= Math.max(...sources.map(newest))) process.exit(0);
console.log('Web-Oberfläche wird gebaut …');
execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
