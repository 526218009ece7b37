/**
 * `npm test`: every stage of the suite, two at a time where they do not need
 * each other, the browser stages alone. Lint, the type check, the unit tests
 * and the build are each about one core's work, so on two cores they run in
 * pairs; the Playwright suite uses both cores itself, and Lighthouse measures
 * main-thread time, so each runs with nothing beside it.
 *
 * Output stays readable: a stage run beside another prints its output as one
 * block when it ends (a line says when it starts); a stage run alone streams.
 * Every stage whose prerequisites passed runs even after another failed, and
 * the exit status is 1 when any stage failed. .ci/run then sums the JSON
 * reports the runners wrote into one "N passed, N failed" line.
 */
import { spawn } from "node:child_process";

interface Stage {
  /** the npm script */
  script: string;
  /** stages that must have passed first */
  after: string[];
  /** run with nothing beside it, output streamed */
  alone?: boolean;
}

const STAGES: Stage[] = [
  { script: "build", after: [] },
  { script: "lint", after: [] },
  { script: "test:unit", after: [] },
  // After the build, whose `astro sync` wrote the generated types the check reads (check:built skips its own sync,
  // so nothing rewrites .astro/ while the build still reads it).
  { script: "check:built", after: ["build"] },
  { script: "test:built", after: ["build"] },
  { script: "test:browser", after: ["build"], alone: true },
  { script: "test:lighthouse", after: ["build"], alone: true },
];
const CONCURRENCY = 2;

const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)} s`;
const outcome = new Map<string, "passed" | "failed" | "skipped">();
const times: string[] = [];

function run(stage: Stage): Promise<boolean> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", stage.script], {
      stdio: stage.alone ? "inherit" : ["ignore", "pipe", "pipe"],
      env: process.env,
    });
    const output: Buffer[] = [];
    child.stdout?.on("data", (d: Buffer) => output.push(d));
    child.stderr?.on("data", (d: Buffer) => output.push(d));
    child.on("close", (code) => {
      const ok = code === 0;
      const took = seconds(started);
      times.push(`${stage.script} ${took}`);
      if (!stage.alone) {
        console.log(`\n──── ${stage.script}, its output ────`);
        process.stdout.write(Buffer.concat(output));
      }
      console.log(`──── ${stage.script} ${ok ? "passed" : "FAILED"} (${took}) ────`);
      resolve(ok);
    });
  });
}

const ready = (s: Stage) => s.after.every((a) => outcome.get(a) === "passed");
const blocked = (s: Stage) => s.after.some((a) => outcome.get(a) === "failed" || outcome.get(a) === "skipped");

async function main(): Promise<number> {
  const suiteStarted = performance.now();
  const waiting = [...STAGES];
  const running = new Map<string, Promise<void>>();
  while (waiting.length || running.size) {
    for (const s of waiting.filter(blocked)) {
      outcome.set(s.script, "skipped");
      console.log(
        `──── ${s.script} skipped: ${s.after.filter((a) => outcome.get(a) !== "passed").join(", ")} did not pass ────`,
      );
    }
    for (let i = waiting.length - 1; i >= 0; i--) if (outcome.has(waiting[i]!.script)) waiting.splice(i, 1);
    const aloneRunning = [...running.keys()].some((k) => STAGES.find((s) => s.script === k)?.alone);
    // A stage that runs alone waits for the others to finish and for every stage listed before it.
    const next = waiting.find((s, i) => {
      if (!ready(s) || aloneRunning) return false;
      if (s.alone) return running.size === 0 && waiting.slice(0, i).length === 0;
      return running.size < CONCURRENCY && !waiting.slice(0, i).some((w) => w.alone);
    });
    if (next) {
      waiting.splice(waiting.indexOf(next), 1);
      if (!next.alone) console.log(`──── ${next.script} started ────`);
      running.set(
        next.script,
        run(next).then((ok) => {
          outcome.set(next.script, ok ? "passed" : "failed");
          running.delete(next.script);
        }),
      );
      continue;
    }
    if (running.size) await Promise.race(running.values());
    else if (waiting.length) {
      // Nothing can start and nothing runs: the rest waits on stages that did not pass.
      for (const s of waiting) outcome.set(s.script, "skipped");
      waiting.length = 0;
    }
  }
  const failed = [...outcome].filter(([, o]) => o !== "passed").map(([s, o]) => `${s} ${o}`);
  console.log(`\nstages (wall time each): ${times.join(", ")}; the whole suite ${seconds(suiteStarted)}`);
  if (failed.length) console.log(`not passed: ${failed.join(", ")}`);
  return failed.length ? 1 : 0;
}

process.exitCode = await main();
