/**
 * The people module's code lists as plain constants, without the database schema: schema.ts builds
 * its column enums from them, codes.ts gives them German labels, and the web app (which must not
 * import drizzle) reads both through codes.ts.
 */
export const MEMBERSHIP_ROLES = ['applicant', 'partner', 'child', 'other'] as const;

export const STATUS_KINDS = [
  'labour_market',
  'severe_disability',
  'rehabilitation',
  'refugee',
  'school_certificate',
  'vocational_qualification',
  'german_level',
] as const;

export const EMPLOYMENT_KINDS = [
  'regular',
  'minijob',
  'public_16i',
  'public_16d',
  'subsidised_16e',
  'subsidised_egz',
  'subsidised_16b',
  'vocational_training',
  'self_employment',
] as const;
