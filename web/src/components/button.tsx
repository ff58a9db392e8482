import { Link, type LinkProps } from '@tanstack/react-router';
import type { ButtonHTMLAttributes, ReactNode } from 'react';

type Variant = 'primary' | 'secondary' | 'tertiary';

/**
 * KERN buttons. (The kit's KernButton is used where a plain button is enough; this one also shows a
 * busy state and keeps its label readable while disabled.)
 */
export function Button({
  variant = 'primary',
  type = 'button',
  busy,
  icon,
  children,
  className,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; busy?: boolean; icon?: string; children: ReactNode }) {
  return (
    <button
      {...rest}
      type={type}
      className={`kern-btn kern-btn--${variant}${className ? ` ${className}` : ''}`}
      aria-disabled={busy || undefined}
      onClick={busy ? (e) => e.preventDefault() : rest.onClick}
    >
      {icon && <span className={`kern-icon kern-icon--${icon}`} aria-hidden="true" />}
      <span className="kern-label">{children}</span>
    </button>
  );
}

/** A router link that looks like a KERN button (for actions that open a page, e.g. "Neues Team"). */
export function ButtonLink({
  variant = 'secondary',
  icon,
  children,
  ...link
}: LinkProps & { variant?: Variant; icon?: string; children: ReactNode }) {
  return (
    <Link {...link} className={`kern-btn kern-btn--${variant}`}>
      {icon && <span className={`kern-icon kern-icon--${icon}`} aria-hidden="true" />}
      <span className="kern-label">{children}</span>
    </Link>
  );
}

/** A router link in KERN link style. */
export function TextLink({ children, ...link }: LinkProps & { children: ReactNode }) {
  return (
    <Link {...link} className="kern-link">
      {children}
    </Link>
  );
}
