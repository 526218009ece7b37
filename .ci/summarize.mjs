// Sums the runners' JSON reports in .ci-report/ (Vitest's and Playwright's) into one closing line.
import { existsSync, readdirSync, readFileSync } from "node:fs";

const status = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
let skipped = 0;
/** Each runner's wall time from its own report, printed before the closing line. */
const stages = [];

/** Playwright's JSON reporter: stats per outcome, and errors outside any test (a web server that did not start). */
function playwright(report) {
  const s = report.stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
  failed += (report.errors ?? []).length;
  return s.duration ?? 0;
}

/** Vitest's JSON reporter (Jest's format). */
function vitest(report) {
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A test file that failed to load has no failed test, but failed all the same.
  for (const suite of report.testResults ?? []) {
    if (suite.status === "failed" && (suite.assertionResults ?? []).every((a) => a.status !== "failed")) failed += 1;
  }
  const ends = (report.testResults ?? []).map((t) => t.endTime ?? 0);
  return ends.length ? Math.max(...ends) - report.startTime : 0;
}

const dir = ".ci-report";
if (existsSync(dir)) {
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const report = JSON.parse(readFileSync(`${dir}/${file}`, "utf8"));
    const ms = report.config && report.suites && report.stats ? playwright(report) : vitest(report);
    stages.push(`${file.replace(/\.json$/, "")} ${(ms / 1000).toFixed(1)} s`);
  }
}
if (stages.length) console.log(`time per runner (from its report): ${stages.join(", ")}`);
// A stage without a report of its own (type-check, build) that failed counts once.
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
