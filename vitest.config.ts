import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          // Fuzzed property tests and the legend grids take a while when the suite shares two busy cores
          // (FUZZ_RUNS raises their counts; one grid took 38 s at a load average of 25, against a
          // 30 s limit); a slow machine must not fail a correct test.
          testTimeout: 120_000,
          setupFiles: ["tests/unit/fuzz-runs.setup.ts"],
          benchmark: { include: ["tests/bench/**/*.bench.ts"] },
          environment: "node",
        },
      },
      {
        test: {
          // Checks of the built site that need no browser: the JavaScript-off reading of the chapters
          // (the built HTML is what such a reader gets), HTML validity, the link crawl, images, the sub-path build.
          // Run after `astro build`.
          name: "built",
          include: ["tests/built/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 240_000,
          maxWorkers: 2,
          fileParallelism: true,
        },
      },
      {
        test: {
          // Lighthouse alone, one page at a time: its performance score measures
          // main-thread time, which a parallel test on a 2-core machine would inflate.
          name: "lighthouse",
          include: ["tests/lighthouse/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 60_000,
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
