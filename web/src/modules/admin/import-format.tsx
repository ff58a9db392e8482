import { createRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import formatDoc from '../../../../docs/import-format.md?raw';
import { requirePermission } from '../../app/guards.ts';
import { TextLink } from '../../components/button.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { t } from '../../lib/i18n.ts';
import { adminRoute } from './route.tsx';

/**
 * /verwaltung/import/format: docs/import-format.md (written from the format's own code, so it is the
 * authority) shown in the app. The file uses a small part of Markdown: headings, paragraphs, lists,
 * tables, `code` and **bold**; that part is rendered here, as React elements (no HTML from the file).
 */
export const importFormatRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'import/format',
  beforeLoad: requirePermission('data.exchange'),
  component: ImportFormatPage,
});

type Block =
  | { kind: 'h1' | 'h2' | 'h3' | 'p'; text: string }
  | { kind: 'ul'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][] };

export function parseDoc(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.replace(/<!--[\s\S]*?-->/g, '').split(/\r?\n/);
  const cells = (line: string, n?: number) => {
    const parts = line
      .trim()
      .replace(/^\||\|$/g, '')
      .split(' | ')
      .map((c) => c.trim());
    // a "|" inside a cell (e.g. "mit | getrennt") must not open a new column
    return n && parts.length > n ? [...parts.slice(0, n - 1), parts.slice(n - 1).join(' | ')] : parts;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    const last = blocks.at(-1);
    if (!line.trim()) continue;
    if (heading) blocks.push({ kind: `h${heading[1]?.length}` as 'h1' | 'h2' | 'h3', text: heading[2] ?? '' });
    else if (line.startsWith('- ')) {
      if (last?.kind === 'ul' && !/^\s*$/.test(lines[i - 1] ?? '')) last.items.push(line.slice(2));
      else blocks.push({ kind: 'ul', items: [line.slice(2)] });
    } else if (/^\s+\S/.test(line) && last?.kind === 'ul') {
      last.items[last.items.length - 1] += ` ${line.trim()}`;
    } else if (line.startsWith('|')) {
      if (last?.kind === 'table') {
        if (!/^\|[-|\s]+\|$/.test(line.trim())) last.rows.push(cells(line, last.head.length));
      } else blocks.push({ kind: 'table', head: cells(line), rows: [] });
    } else if (last?.kind === 'p' && (lines[i - 1] ?? '').trim()) last.text += ` ${line.trim()}`;
    else blocks.push({ kind: 'p', text: line.trim() });
  }
  return blocks;
}

/** `code` and **bold** inside a line. */
function inline(text: string): ReactNode[] {
  return text.split(/(`[^`]+`|\*\*[^*]+\*\*)/g).map((part, i) => {
    const key = `${i}-${part}`;
    if (part.startsWith('`') && part.endsWith('`') && part.length > 1)
      return (
        <code key={key} className="mono">
          {part.slice(1, -1)}
        </code>
      );
    if (part.startsWith('**') && part.endsWith('**') && part.length > 3) return <strong key={key}>{part.slice(2, -2)}</strong>;
    return part;
  });
}

const plain = (text: string) => text.replace(/`/g, '').replace(/\*\*/g, '');

function ImportFormatPage() {
  const blocks = parseDoc(formatDoc);
  const title = blocks.find((b) => b.kind === 'h1');
  let heading = '';
  return (
    <div className="kern-stack-lg doc">
      <PageTitle title={title && 'text' in title ? plain(title.text) : t.importData.formatTitle} />
      <p className="kern-body">
        <TextLink to="/verwaltung/import">{t.importData.backToImport}</TextLink>
      </p>
      {blocks.map((b, i) => {
        const key = `${b.kind}-${i}`;
        switch (b.kind) {
          case 'h1':
            return null;
          case 'h2':
          case 'h3': {
            heading = plain(b.text);
            const H = b.kind;
            return (
              <H key={key} className={b.kind === 'h2' ? 'kern-heading-medium' : 'kern-heading-small'}>
                {inline(b.text)}
              </H>
            );
          }
          case 'p':
            return (
              <p key={key} className="kern-body">
                {inline(b.text)}
              </p>
            );
          case 'ul':
            return (
              <ul key={key} className="kern-list kern-list--bullet">
                {b.items.map((item) => (
                  <li key={item} className="kern-body">
                    {inline(item)}
                  </li>
                ))}
              </ul>
            );
          case 'table':
            return (
              <DataTable<string[]>
                key={key}
                caption={t.importData.columnsOf(heading)}
                captionHidden
                columns={b.head.map((h, c) => ({ header: plain(h), rowHeader: c === 0, cell: (row) => inline(row[c] ?? '') }))}
                rows={b.rows}
                rowKey={(row) => row.join('\u0001')}
              />
            );
        }
        return null;
      })}
    </div>
  );
}
