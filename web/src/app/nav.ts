import type { Permission } from './session.ts';

/**
 * An entry of the main navigation and a tile on the start page. It is shown only when the
 * session's `permissions` include `permission`; the server checks again on every request.
 */
export interface NavEntry {
  to: string;
  label: string;
  /** One sentence for the start page tile. */
  description: string;
  permission?: Permission;
}
