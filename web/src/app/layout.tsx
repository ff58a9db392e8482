import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Alert } from '../components/alert.tsx';
import { useFlash } from '../lib/flash.ts';
import { t } from '../lib/i18n.ts';
import { NAVIGATION } from './navigation.ts';
import { can, logout, SESSION_KEY, type Session, useSession } from './session.ts';

function focusMain(e: React.MouseEvent) {
  e.preventDefault();
  const main = document.getElementById('inhalt');
  main?.focus();
  main?.scrollIntoView();
}

/** The frame of every page: skip link, header (Jobcenter, person, logout), navigation, main, footer. */
export function Shell() {
  const session = useSession();
  return (
    <div className="app">
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a link by convention (WCAG 2.4.1); the handler only moves the focus without touching the router's URL */}
      <a className="skip-link" href="#inhalt" onClick={focusMain}>
        {t.app.skipLink}
      </a>
      <header className="app-header">
        <div className="kern-container app-header__inner">
          <Link to="/" className="app-brand">
            <span className="app-brand__name">{t.app.name}</span>
            <span className="app-brand__tenant">{session ? session.tenantName : t.app.tagline}</span>
          </Link>
          {session && <UserBox session={session} />}
        </div>
        {session && !session.mustChangePassword && <MainNav session={session} />}
      </header>
      <main id="inhalt" tabIndex={-1} className="kern-container app-main">
        <FlashMessage />
        <Outlet />
      </main>
      <footer className="app-footer">
        <div className="kern-container">
          <p className="kern-body kern-body--small">{t.app.footer}</p>
        </div>
      </footer>
    </div>
  );
}

function UserBox({ session }: { session: Session }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const onLogout = async () => {
    setBusy(true);
    try {
      await logout();
    } finally {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, null);
      setBusy(false);
      await navigate({ to: '/anmelden', search: { grund: 'abgemeldet' } });
    }
  };
  return (
    <div className="app-user">
      <span className="kern-body app-user__name">{t.app.signedInAs(session.displayName)}</span>
      {!session.mustChangePassword && (
        <Link to="/passwort" className="kern-link app-user__link">
          {t.app.changePassword}
        </Link>
      )}
      <button type="button" className="kern-btn kern-btn--secondary kern-btn--x-small" onClick={onLogout} aria-disabled={busy}>
        <span className="kern-icon kern-icon--logout" aria-hidden="true" />
        <span className="kern-label">{t.app.logout}</span>
      </button>
    </div>
  );
}

function MainNav({ session }: { session: Session }) {
  const entries = NAVIGATION.filter((e) => can(session, e.permission));
  return (
    <nav className="app-nav" aria-label={t.app.mainNav}>
      <ul className="kern-container app-nav__list">
        {entries.map((e) => (
          <li key={e.to}>
            <Link to={e.to} className="app-nav__link" activeOptions={{ exact: e.to === '/' }}>
              {e.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The one-time message of the navigation that led here (see lib/flash.ts), in a live region that
 * stays in place, so screen readers announce it. */
function FlashMessage() {
  const message = useFlash();
  return (
    <div className="flash" role="status">
      {message && <Alert variant={message.variant} title={message.text} />}
    </div>
  );
}
