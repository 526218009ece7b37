import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          // Fuzzed property tests (thousands of runs) take 2-3 s alone and exceed Vitest's 5 s default
          // when the suite shares two busy cores; a slow machine must not fail a correct test.
          testTimeout: 30_000,
          benchmark: { include: ["tests/bench/**/*.bench.ts"] },
          environment: "node",
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/e2e/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser per file; two cores, so keep the files to two at a time.
          maxWorkers: 2,
          fileParallelism: true,
        },
      },
      {
        test: {
          // Quality gates over every built page: axe, keyboard, CSP, links, HTML, budgets.
          name: "audit",
          include: ["tests/audit/**/*.test.ts"],
          exclude: ["tests/audit/**/lighthouse*.test.ts"],
          environment: "node",
          globalSetup: ["tests/e2e/support/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          maxWorkers: 2,
          fileParallelism: true,
        },
      },
      {
        test: {
          // Lighthouse alone, one page at a time: its performance score measures
          // main-thread time, which a parallel test on a 2-core machine would inflate.
          name: "lighthouse",
          include: ["tests/audit/**/lighthouse*.test.ts"],
          environment: "node",
          globalSetup: ["tests/e2e/support/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
