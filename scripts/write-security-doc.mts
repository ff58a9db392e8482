import fs from 'node:fs';
import { withPermissionTable } from '../src/modules/auth/permissions-doc.ts';

const file = 'docs/security.md';
fs.writeFileSync(file, withPermissionTable(fs.readFileSync(file, 'utf8')));
console.log(`${file}: Berechtigungstabelle neu geschrieben`);
