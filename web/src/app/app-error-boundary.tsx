import { KernButton } from '@kern-ux-annex/kern-react-kit';
import { Component, type ReactNode } from 'react';
import { t } from '../lib/i18n.ts';

/**
 * Last line of defence for errors outside the router's own error pages (e.g. while the app
 * starts): a plain German page with a way out, never a white screen.
 */
export class AppErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidUpdate() {
    if (this.state.failed) document.title = `${t.errors.errorTitle} – ${t.app.name}`;
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <main id="inhalt" className="kern-container app-main">
        <div className="kern-stack-lg">
          <h1 className="kern-heading-large">{t.errors.errorTitle}</h1>
          <p className="kern-body kern-body--large">{t.errors.errorText}</p>
          <div className="button-row">
            <KernButton text={t.errors.reloadPage} variant="primary" onClick={() => window.location.reload()} />
            <KernButton text={t.errors.toStart} variant="secondary" href="/" />
          </div>
        </div>
      </main>
    );
  }
}
