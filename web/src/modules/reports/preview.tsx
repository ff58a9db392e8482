import type { PreviewBlock, PreviewDocument } from './api.ts';

const isNumeric = (s: string) => /^[\d.,\s\u00a0%€•–−+]+$/.test(s);

/** The report as the server computed it, below the page's own headings (document level 1 → h3). */
export function ReportPreview({ doc }: { doc: PreviewDocument }) {
  let tables = 0;
  let charts = 0;
  return (
    <div className="report-preview">
      <p className="kern-body kern-body--bold">
        {doc.title} – {doc.subtitle}
      </p>
      {doc.blocks.map((b, i) => {
        const key = `${b.kind}-${i}`;
        if (b.kind === 'table') tables += 1;
        if (b.kind === 'chart') charts += 1;
        return <Block key={key} b={b} n={b.kind === 'table' ? tables : charts} />;
      })}
    </div>
  );
}

function Block({ b, n }: { b: PreviewBlock; n: number }) {
  switch (b.kind) {
    case 'heading': {
      const text = b.number ? `${b.number} ${b.text}` : b.text;
      if (b.level === 1) return <h3 className="kern-heading-small">{text}</h3>;
      if (b.level === 2) return <h4 className="kern-heading-x-small">{text}</h4>;
      return <h5 className="kern-body kern-body--bold">{text}</h5>;
    }
    case 'paragraph':
      return <p className="kern-body">{b.text}</p>;
    case 'list':
      return (
        <ul className="kern-list">
          {b.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      );
    case 'note':
      return <p className="kern-body report-preview__note">{b.text}</p>;
    case 'chart':
      return (
        <figure className="report-preview__chart">
          <img src={b.svg} alt={`Diagramm: ${b.caption}. Die Werte stehen in den Tabellen.`} />
          <figcaption className="kern-body kern-body--bold">
            Abbildung {n}: {b.caption}
          </figcaption>
        </figure>
      );
    case 'table': {
      const numeric = b.columns.map((_, i) => i > 0 && b.rows.every((r) => isNumeric(r[i]?.text ?? '')));
      return (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
        <section className="kern-table-responsive table-region" tabIndex={0} aria-label={`Tabelle ${n}: ${b.caption}`}>
          <table className="kern-table kern-table--small">
            <caption className="kern-title">
              Tabelle {n}: {b.caption}
            </caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                {b.columns.map((c, i) => (
                  <th key={c} scope="col" className={`kern-table__header${numeric[i] ? ' kern-table__header--numeric' : ''}`}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {b.rows.map((r) => (
                <tr key={r.map((c) => c.text).join('|')} className="kern-table__row">
                  {r.map((c, i) =>
                    i === 0 ? (
                      <th key={b.columns[i]} scope="row" className="kern-table__header">
                        {c.text}
                      </th>
                    ) : (
                      <td key={b.columns[i]} className={`kern-table__cell${numeric[i] ? ' kern-table__cell--numeric' : ''}`}>
                        {c.text}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {b.footnotes.map((f) => (
            <p key={f} className="kern-body kern-body--small">
              {f}
            </p>
          ))}
        </section>
      );
    }
  }
}
