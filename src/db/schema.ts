// Every module's tables, for drizzle-kit and typed queries. Modules import their own
// schema directly; nothing outside a module reads another module's tables.

export * from '../modules/audit/schema.ts';
export * from '../modules/auth/schema.ts';
export * from '../modules/budget/schema.ts';
export * from '../modules/measures/schema.ts';
export * from '../modules/org/schema.ts';
export * from '../modules/org/schema.ts';
export * from '../modules/people/schema.ts';
export * from '../modules/people/schema.ts';
export * from '../modules/planning/schema.ts';
export * from '../modules/reports/schema.ts';
export * from '../modules/subsidies/schema.ts';
export * from '../modules/targets/schema.ts';
