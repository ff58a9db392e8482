import type { ReactNode } from 'react';

export type AlertVariant = 'info' | 'success' | 'warning' | 'danger';

/**
 * A KERN alert. `live`: "assertive" for errors that appear after an action (role=alert),
 * "polite" for confirmations (role=status), undefined for alerts that are part of the page.
 */
export function Alert({
  variant,
  title,
  children,
  live,
  id,
}: {
  variant: AlertVariant;
  title: string;
  children?: ReactNode;
  live?: 'assertive' | 'polite';
  id?: string;
}) {
  const role = live === 'assertive' ? 'alert' : live === 'polite' ? 'status' : undefined;
  return (
    <div className={`kern-alert kern-alert--${variant}`} role={role} id={id}>
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${variant}`} aria-hidden="true" />
        <span className="kern-title">{title}</span>
      </div>
      {children !== undefined && <div className="kern-alert__body">{children}</div>}
    </div>
  );
}
