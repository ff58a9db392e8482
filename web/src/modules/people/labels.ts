import {
  EMPLOYMENT_KIND_LABELS,
  EMPLOYMENT_KINDS,
  MEMBERSHIP_ROLE_LABELS,
  MEMBERSHIP_ROLES,
  SEX_LABELS,
  STATUS_KIND_LABELS,
  STATUS_KINDS,
  STATUS_VALUES,
} from '../../../../src/modules/people/codes.ts';
import { formatDate } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.ts';

/**
 * The people module's code lists with their German labels, from the server's codes.ts (one source for
 * screens, API and import format; that file imports nothing that needs a database).
 */
export { EMPLOYMENT_KINDS, MEMBERSHIP_ROLES, STATUS_KINDS, STATUS_VALUES };

const label = (labels: Record<string, string>, code: string) => labels[code] ?? code;

export const roleLabel = (role: string) => label(MEMBERSHIP_ROLE_LABELS, role);
export const sexLabel = (sex: string) => label(SEX_LABELS, sex);
export const statusKindLabel = (kind: string) => label(STATUS_KIND_LABELS, kind);
export const statusValueLabel = (kind: string, value: string) =>
  label((STATUS_VALUES as Record<string, Record<string, string>>)[kind] ?? {}, value);
export const employmentKindLabel = (kind: string) => label(EMPLOYMENT_KIND_LABELS, kind);

/** "01.01.2023 – 31.12.2023" or "seit 01.01.2023" (periods are inclusive at this edge). */
export const periodText = (p: { validFrom: string; validUntil: string | null }) =>
  t.people.periodText(formatDate(p.validFrom), p.validUntil ? formatDate(p.validUntil) : null);

/** "12,5" for 12.5 (German decimal comma). */
export const hoursText = (h: number | null) => (h === null ? '' : h.toLocaleString('de-DE', { maximumFractionDigits: 1 }));
