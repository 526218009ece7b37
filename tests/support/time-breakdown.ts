/**
 * Where the suite's time goes, from the runners' own reports in .ci-report/:
 * the browser run per spec file and its slowest tests, the audit's visit per
 * page split by gate (its test.step names), and the unit project's slowest
 * files. `node tests/support/time-breakdown.ts` after `npm test`, or after any
 * of its stages (a missing report is skipped).
 */
import { existsSync, readFileSync } from "node:fs";

const REPORTS = ".ci-report";
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface PwStep {
  title: string;
  duration: number;
  steps?: PwStep[];
}
interface PwResult {
  duration: number;
  status: string;
  workerIndex: number;
  steps?: PwStep[];
}
interface PwTest {
  projectName: string;
  results: PwResult[];
}
interface PwSpec {
  title: string;
  file: string;
  tests: PwTest[];
}
interface PwSuite {
  title: string;
  file: string;
  specs?: PwSpec[];
  suites?: PwSuite[];
}

function specsOf(suite: PwSuite): PwSpec[] {
  return [...(suite.specs ?? []), ...(suite.suites ?? []).flatMap(specsOf)];
}

function browser(): void {
  const path = `${REPORTS}/browser.json`;
  if (!existsSync(path)) return;
  const report = JSON.parse(readFileSync(path, "utf8")) as { suites: PwSuite[]; stats: { duration: number } };
  const tests = report.suites.flatMap(specsOf).flatMap((spec) =>
    spec.tests.map((t) => ({
      file: spec.file,
      title: spec.title,
      ms: t.results.reduce((a, r) => a + r.duration, 0),
      status: t.results.at(-1)?.status ?? "?",
      steps: t.results.at(-1)?.steps ?? [],
      worker: t.results.at(-1)?.workerIndex ?? -1,
    })),
  );
  const busy = tests.reduce((a, t) => a + t.ms, 0);
  console.log(
    `\nbrowser: ${s(report.stats.duration)} wall, ${s(busy)} of test time over the workers, ${tests.length} tests`,
  );
  const byFile = new Map<string, { ms: number; n: number }>();
  for (const t of tests) {
    const f = byFile.get(t.file) ?? { ms: 0, n: 0 };
    byFile.set(t.file, { ms: f.ms + t.ms, n: f.n + 1 });
  }
  console.log("\nper spec file (test time, tests):");
  for (const [file, f] of [...byFile].sort((a, b) => b[1].ms - a[1].ms))
    console.log(`  ${s(f.ms).padStart(8)}  ${String(f.n).padStart(3)}  ${file}`);
  console.log("\nslowest 25 tests:");
  for (const t of [...tests].sort((a, b) => b.ms - a.ms).slice(0, 25))
    console.log(`  ${s(t.ms).padStart(8)}  ${t.status.padEnd(8)} ${t.file}: ${t.title.slice(0, 100)}`);
  const audit = tests.filter((t) => t.file.includes("audit/"));
  if (audit.length) {
    const gates = new Map<string, number>();
    console.log("\naudit visit per page (gate steps):");
    for (const t of [...audit].sort((a, b) => b.ms - a.ms)) {
      const steps = t.steps.filter((st) => !/^(Before|After) Hooks$/.test(st.title));
      for (const st of steps) gates.set(st.title, (gates.get(st.title) ?? 0) + st.duration);
      const hooks = t.steps.filter((st) => /^(Before|After) Hooks$/.test(st.title)).reduce((a, b) => a + b.duration, 0);
      console.log(
        `  ${s(t.ms).padStart(8)}  ${t.title.split(" (")[0]!.padEnd(34)} ${steps.map((st) => `${st.title} ${s(st.duration)}`).join(", ")}; hooks ${s(hooks)}`,
      );
    }
    console.log("\naudit, summed per gate:");
    for (const [gate, ms] of [...gates].sort((a, b) => b[1] - a[1])) console.log(`  ${s(ms).padStart(8)}  ${gate}`);
  }
}

interface VitestReport {
  startTime: number;
  numTotalTests: number;
  testResults: {
    name: string;
    startTime: number;
    endTime: number;
    assertionResults: { title: string; duration?: number }[];
  }[];
}

function vitest(project: string): void {
  const path = `${REPORTS}/${project}.json`;
  if (!existsSync(path)) return;
  const report = JSON.parse(readFileSync(path, "utf8")) as VitestReport;
  const files = report.testResults.map((f) => ({
    name: f.name.replace(/^.*?tests\//, "tests/"),
    ms: f.endTime - f.startTime,
    tests: f.assertionResults.reduce((a, t) => a + (t.duration ?? 0), 0),
  }));
  const wall = Math.max(...report.testResults.map((f) => f.endTime)) - report.startTime;
  console.log(
    `\n${project}: ${s(wall)} wall, ${report.numTotalTests} tests in ${files.length} files, ` +
      `${s(files.reduce((a, f) => a + f.tests, 0))} inside the tests themselves`,
  );
  for (const f of [...files].sort((a, b) => b.ms - a.ms).slice(0, 12))
    console.log(`  ${s(f.ms).padStart(8)}  (tests ${s(f.tests)})  ${f.name}`);
}

browser();
for (const project of ["unit", "built", "lighthouse"]) vitest(project);
