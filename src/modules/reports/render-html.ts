import { chartSvg } from './charts.ts';
import type { Block, ReportDocument, TableBlock } from './document.ts';

/** The report as one self-contained HTML page (charts inline as SVG), for download and the command line. */
const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const isNumeric = (s: string) => /^[\d.,\s\u00a0%€•–−+]+$/.test(s);

function tableHtml(t: TableBlock, n: number): string {
  const numeric = t.columns.map((_, i) => i > 0 && t.rows.every((r) => isNumeric(r[i]?.text ?? '')));
  const head = t.columns.map((c, i) => `<th scope="col"${numeric[i] ? ' class="num"' : ''}>${esc(c)}</th>`).join('');
  const body = t.rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c.text)}</th>` : `<td${numeric[i] ? ' class="num"' : ''}>${esc(c.text)}</td>`)).join('')}</tr>`,
    )
    .join('\n');
  const notes = t.footnotes.map((f) => `<p class="footnote">${esc(f)}</p>`).join('');
  return `<figure class="table" id="${t.id}"><table><caption>Tabelle ${n}: ${esc(t.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${notes}</figure>`;
}

export function blockHtml(b: Block, counters: { table: number; chart: number }): string {
  switch (b.kind) {
    case 'heading': {
      const tag = `h${b.level + 1}`;
      return `<${tag}>${b.number ? `${esc(b.number)} ` : ''}${esc(b.text)}</${tag}>`;
    }
    case 'paragraph':
      return `<p>${esc(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
    case 'note':
      return `<p class="note">${esc(b.text)}</p>`;
    case 'table':
      counters.table += 1;
      return tableHtml(b, counters.table);
    case 'chart': {
      counters.chart += 1;
      const svg = chartSvg(b).replace('<svg ', `<svg role="img" aria-label="${esc(b.caption)}" `);
      return `<figure class="chart" id="${b.id}">${svg}<figcaption>Abbildung ${counters.chart}: ${esc(b.caption)}</figcaption></figure>`;
    }
  }
}

const STYLE = `
body{font-family:"Fira Sans","DejaVu Sans",Arial,sans-serif;color:#1b1b1b;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
h1{font-size:2rem;margin-bottom:0}h2{margin-top:2.5rem;border-bottom:2px solid #0b4f8a;color:#0b4f8a}h3{margin-top:1.8rem}h4{margin-top:1.4rem}
.subtitle{font-size:1.25rem;margin-top:.25rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border-bottom:1px solid #c8c8c8;padding:.3rem .5rem;text-align:left}thead th{border-bottom:2px solid #1b1b1b}
.num{text-align:right;font-variant-numeric:tabular-nums}figure{margin:1.25rem 0}figcaption{font-weight:600}
svg{max-width:100%;height:auto}.footnote{font-size:.85rem;margin:.25rem 0}.note{font-style:italic;background:#f2f2f2;padding:.5rem}`;

export function renderHtml(doc: ReportDocument): string {
  const counters = { table: 0, chart: 0 };
  const body = doc.blocks.map((b) => blockHtml(b, counters)).join('\n');
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.title)}</title><style>${STYLE}</style></head>
<body><main><h1>${esc(doc.title)}</h1><p class="subtitle">${esc(doc.subtitle)}</p>
${body}
</main></body></html>
`;
}
