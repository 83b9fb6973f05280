import { defineConfig } from 'vitest/config';

/**
 * Timeouts are a safety net against hangs, not assertions about speed: a test that passes on an
 * idle machine must pass on a loaded one (CI shares its cores), so they are generous. Speed lives
 * in the benchmarks under bench/.
 */
export default defineConfig({
  test: {
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
