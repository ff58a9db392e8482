import { defineConfig } from 'vitest/config';

/**
 * Projects: "pglite" runs every test on the embedded database; "postgres" runs the database tests
 * again on a real server when TEST_DATABASE_URL is set (pure unit tests, *.unit.test.ts, run once).
 * Browser tests (test/e2e) have their own config, vitest.e2e.config.ts.
 */
const postgres = process.env.TEST_DATABASE_URL
  ? [
      {
        extends: true as const,
        test: {
          name: 'postgres',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/*.unit.test.ts', 'test/e2e/**', 'node_modules/**'],
          env: { TEILHABE_TEST_BACKEND: 'postgres' },
        },
      },
    ]
  : [];

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'pglite',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
        },
      },
      ...postgres,
    ],
  },
});
