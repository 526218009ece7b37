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
          // The files of a worker share one module graph instead of importing d3, KaTeX and the math modules
          // afresh for each of the 118 files: the same 1200 tests pass, in about half the CPU time (on the
          // shared machine at a load average of 14-20: 68 s instead of 124 s, 259 s of wall time instead of
          // 840 s; imports 30 s instead of 146 s). Nothing in the unit tests mocks a module or changes a
          // global; what src/lib keeps between calls are memoised results of pure functions.
          isolate: false,
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
          // The files of a worker share one module graph, and with it the built pages parsed once
          // (tests/built/support/html.ts); nothing in them mocks a module or changes a global.
          isolate: false,
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
          // One Lighthouse run took 60-120 s at a load average of 28-30 on the shared machine, and a page below
          // the Performance minimum is measured three times: /focal-loss/ timed out at the old 120 s with a score
          // of 99. A slow machine must not fail a correct page by its clock.
          testTimeout: 360_000,
          hookTimeout: 60_000,
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
