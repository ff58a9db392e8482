import { defineConfig } from 'vitest/config';

/** Browser tests: the built web app served by the real server, driven in Debian's Chromium. */
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    passWithNoTests: true,
    reporters: ['default', ['json', { outputFile: '.test-results/vitest-e2e.json' }]],
  },
});
