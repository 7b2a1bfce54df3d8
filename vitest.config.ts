import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/reliability/**/*.test.ts', 'tests/team/**/*.test.ts'],
    environment: 'node',
    // The CLI tests run the built `verbatim` command.
    globalSetup: ['tests/unit/build-once.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
