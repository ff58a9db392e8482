import fs from 'node:fs';
import { expect, it } from 'vitest';
import { renderImportFormatDoc } from './doc.ts';

it('docs/import-format.md matches the format specs (regenerate with scripts/write-import-doc.mts)', () => {
  expect(fs.readFileSync('docs/import-format.md', 'utf8')).toBe(renderImportFormatDoc());
});
