import fs from 'node:fs';
import { expect, it } from 'vitest';
import { PERMISSIONS, type Permission } from './permissions.ts';
import { PERMISSION_LABELS, withPermissionTable } from './permissions-doc.ts';

it('the permission table in docs/security.md is the policy (regenerate with scripts/write-security-doc.mts)', () => {
  const doc = fs.readFileSync('docs/security.md', 'utf8');
  expect(doc).toBe(withPermissionTable(doc));
});

it('every permission has a German label for the table', () => {
  const missing = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => !PERMISSION_LABELS[p]);
  expect(missing).toEqual([]);
});
