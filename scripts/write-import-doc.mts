import fs from 'node:fs';
import { renderImportFormatDoc } from '../src/modules/people/exchange/doc.ts';

fs.mkdirSync('docs', { recursive: true });
fs.writeFileSync('docs/import-format.md', renderImportFormatDoc());
console.log('docs/import-format.md geschrieben');
