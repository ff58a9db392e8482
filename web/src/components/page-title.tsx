import { type ReactNode, useEffect, useRef } from 'react';
import { t } from '../lib/i18n.ts';

// Focus moves to a new page's heading only after the person did something (clicked, typed):
// on a fresh load (or a redirect on the way) the browser's own focus order stays untouched,
// so the skip link remains the first tab stop.
let interacted = false;
if (typeof window !== 'undefined') {
  const mark = () => {
    interacted = true;
  };
  window.addEventListener('pointerdown', mark, { capture: true });
  window.addEventListener('keydown', mark, { capture: true });
}

/**
 * The page's one h1. Sets document.title ("Titel – Teilhabe") and, after an in-app navigation,
 * moves the focus to the heading so that screen readers announce the new page.
 */
export function PageTitle({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t.app.name}`;
  }, [title]);
  useEffect(() => {
    if (interacted) ref.current?.focus();
  }, []);
  return (
    <div className="page-title">
      <h1 className="kern-heading-large" tabIndex={-1} ref={ref}>
        {title}
      </h1>
      {children}
    </div>
  );
}
