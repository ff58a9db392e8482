import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../src/db/client.ts';
import { EXPORT_FILES, exportFile } from '../../src/modules/people/exchange/export.ts';
import type { ImportFile } from '../../src/modules/people/exchange/import.ts';

export const SMALL_FIXTURE = path.resolve('test/fixtures/exchange-small');

export function readFolder(dir: string): ImportFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(dir, name))) }));
}

export async function exportAll(db: Database, tenantId: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of EXPORT_FILES) {
    let text = '';
    for await (const chunk of exportFile(db, tenantId, file)) text += chunk;
    out[file] = text;
  }
  return out;
}

export function asFiles(texts: Record<string, string>): ImportFile[] {
  return Object.entries(texts).map(([name, text]) => ({ name, bytes: new TextEncoder().encode(text) }));
}
