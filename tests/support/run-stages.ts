/**
 * `npm test`: every stage of the suite, as many at once as the machine's two
 * cores hold. Each stage says how many cores it keeps busy: the build, lint,
 * the type check and the two Vitest runs about one each; Lighthouse two (it
 * must have the CPU to itself); the Playwright suite is counted as one,
 * although its workers alone keep both cores 80–90 % busy (vmstat, 2
 * December): it is the longest stage, so the single-core stages run
 * beside it one at a time and are done in its first half, rather than waiting
 * for its end. Its tests are written for a loaded machine (they wait for
 * states, and the lab's blocking check reads CPU time from a trace, the
 * wall-clock one only when a core is spare). Stages start in the
 * order listed once their prerequisites passed and their cores are free, and a
 * stage that is ready but does not fit holds back the ones after it, so the
 * browser suite, the longest, starts as soon as the build is done. Lighthouse
 * measures main-thread time, so it never shares the CPU with the browser suite
 * or any other stage.
 *
 * Output stays readable: a stage run beside another prints its output as one
 * block when it ends (a line says when it starts); the browser suite streams.
 * Every stage whose prerequisites passed runs even after another failed, and
 * the exit status is 1 when any stage failed. The closing line gives each
 * stage's wall time and CPU time (user + system of the processes it waited for,
 * when /usr/bin/time is there to measure it: Chromium's renderers are not among
 * them, so the browser suite's figure is far below its real CPU). .ci/run then sums the JSON reports
 * the runners wrote into one "N passed, N failed" line.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

interface Stage {
  /** the npm script */
  script: string;
  /** stages that must have passed first */
  after: string[];
  /** how many of the two cores it keeps busy */
  cores: 1 | 2;
}

const STAGES: Stage[] = [
  { script: "build", after: [], cores: 1 },
  { script: "test:unit", after: [], cores: 1 },
  // The longest stage, right after the build, beside whichever single-core stage runs (see above).
  { script: "test:browser", after: ["build"], cores: 1 },
  { script: "lint", after: [], cores: 1 },
  { script: "test:built", after: ["build"], cores: 1 },
  // After the build, whose `astro sync` wrote the generated types the check reads (check:built skips its own sync,
  // so nothing rewrites .astro/ while the build still reads it).
  { script: "check:built", after: ["build"], cores: 1 },
  // Alone: Lighthouse's scores include main-thread time (with a type check beside it, /focal-loss/ once
  // missed its performance minimum: total blocking time 290 ms, score 93 < 95).
  { script: "test:lighthouse", after: ["build", "test:browser"], cores: 2 },
];
const CORES = 2;
/** the stage whose output streams beside others (a stage alone streams too; the others print theirs as a block when they end) */
const STREAMED = "test:browser";
/** after the browser suite has finished, whatever its outcome (Lighthouse must not share the CPU with it) */
const FINISHED_ONLY = new Set(["test:browser"]);

const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
const timings = mkdtempSync(join(tmpdir(), "stage-cpu-"));
const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)} s`;
const outcome = new Map<string, "passed" | "failed" | "skipped">();
const times: string[] = [];

/** User + system seconds of the stage's processes, as /usr/bin/time wrote them, or "" without it. */
function cpuTime(file: string): string {
  try {
    const [user, system] = readFileSync(file, "utf8").trim().split("\n").at(-1)!.split(" ").map(Number);
    return Number.isFinite(user! + system!) ? `, ${(user! + system!).toFixed(1)} s CPU` : "";
  } catch {
    return "";
  }
}

function run(stage: Stage, stream: boolean): Promise<boolean> {
  const started = performance.now();
  const cpuFile = join(timings, stage.script.replace(/\W/g, "-"));
  const command = ["npm", "run", "--silent", stage.script];
  const [file, ...args] = TIME ? [TIME, "-q", "-f", "%U %S", "-o", cpuFile, ...command] : command;
  return new Promise((resolve) => {
    const child = spawn(file!, args, { stdio: stream ? "inherit" : ["ignore", "pipe", "pipe"], env: process.env });
    const output: Buffer[] = [];
    child.stdout?.on("data", (d: Buffer) => output.push(d));
    child.stderr?.on("data", (d: Buffer) => output.push(d));
    child.on("close", (code) => {
      const ok = code === 0;
      const took = `${seconds(started)}${cpuTime(cpuFile)}`;
      times.push(`${stage.script} ${took}`);
      if (!stream) {
        console.log(`\n──── ${stage.script}, its output ────`);
        process.stdout.write(Buffer.concat(output));
      }
      console.log(`──── ${stage.script} ${ok ? "passed" : "FAILED"} (${took}) ────`);
      resolve(ok);
    });
  });
}

const met = (a: string) => outcome.get(a) === "passed" || (FINISHED_ONLY.has(a) && outcome.has(a));
const ready = (s: Stage) => s.after.every(met);
const blocked = (s: Stage) => s.after.some((a) => !met(a) && outcome.has(a));

async function main(): Promise<number> {
  const suiteStarted = performance.now();
  const waiting = [...STAGES];
  const running = new Map<string, { stage: Stage; done: Promise<void> }>();
  while (waiting.length || running.size) {
    for (const s of waiting.filter(blocked)) {
      outcome.set(s.script, "skipped");
      console.log(`──── ${s.script} skipped: ${s.after.filter((a) => !met(a)).join(", ")} did not pass ────`);
    }
    for (let i = waiting.length - 1; i >= 0; i--) if (outcome.has(waiting[i]!.script)) waiting.splice(i, 1);
    const busy = [...running.values()].reduce((n, r) => n + r.stage.cores, 0);
    // The first ready stage in list order, if it fits; a ready stage that does not fit holds back the rest.
    const first = waiting.find(ready);
    const next = first && busy + first.cores <= CORES ? first : undefined;
    if (next) {
      waiting.splice(waiting.indexOf(next), 1);
      const stream = next.script === STREAMED || next.cores === CORES;
      if (!stream) console.log(`──── ${next.script} started ────`);
      const done = run(next, stream).then((ok) => {
        outcome.set(next.script, ok ? "passed" : "failed");
        running.delete(next.script);
      });
      running.set(next.script, { stage: next, done });
      continue;
    }
    if (running.size) await Promise.race([...running.values()].map((r) => r.done));
    else if (waiting.length) {
      // Nothing can start and nothing runs: the rest waits on stages that did not pass.
      for (const s of waiting) outcome.set(s.script, "skipped");
      waiting.length = 0;
    }
  }
  rmSync(timings, { recursive: true, force: true });
  const failed = [...outcome].filter(([, o]) => o !== "passed").map(([s, o]) => `${s} ${o}`);
  console.log(`\nstages (wall time each): ${times.join("; ")}; the whole suite ${seconds(suiteStarted)}`);
  if (failed.length) console.log(`not passed: ${failed.join(", ")}`);
  return failed.length ? 1 : 0;
}

process.exitCode = await main();
