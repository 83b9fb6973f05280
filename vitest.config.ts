import { defineConfig } from 'vitest/config';

/**
 * Timeouts are a safety net against hangs, not assertions about speed: a test that passes on an
 * idle machine must pass on a loaded one (CI shares its cores), so they are generous. Speed lives
 * in the benchmarks under bench/.
 */
export default defineConfig({
  test: {
    // vitest's default is one worker fewer than the cores: one file at a time on a 2-core machine,
    // with a core idle while a test waits for tsc or a child process. Two files at a time took the
    // quick suite from 786 s to 630 s even on a machine loaded by other work (load average 7-9).
    maxWorkers: 2,
    // Each worker process runs test files one after another without a fresh module graph per file:
    // ts-morph, prettier, remark and the sources are loaded and compiled once per worker, not once
    // per file (quick suite 174 s -> 137 s on this machine). No test changes module state: the
    // one test file that replaces `fs` functions restores them after each test.
    isolate: false,
    // Every temporary folder of a run under one, removed at the end (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
