/**
 * Diagnostic, not a gate: where the main thread's CPU time goes while a reader drags the dog's box on
 * the anchor map (/from-loss-to-detector/), at 4× CPU throttling. Per pointer move: the thread time
 * (trace events' tdur, which a busy shared host distorts far less than wall time) of each rendering
 * phase and of every main-thread task together, per frame that ran the figure's update (a faster
 * build coalesces fewer moves into a frame, so per move it would look slower); with --profile, the V8 CPU profile's functions by self
 * time. Several builds are interleaved (A, B, A, B, ...) --runs times and each cell is their median.
 *
 * With --css "rule" "rule" ..., each rule set is injected into the first build as a case of its own
 * (the build as it is comes first), to try a rendering change before making it.
 *
 *   node tests/bench/drag-profile.ts [--dist dist,/tmp/main-dist] [--runs 3] [--profile] [--css "..." ...]
 */
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { launchChromium } from "../support/chromium.ts";
import { startStaticServer } from "../e2e/support/static-server.ts";
import { BEGIN_MAIN_FRAME, RASTER, RENDER_PHASES } from "./render-phases.ts";

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const cssAt = args.indexOf("--css");
const styles = cssAt >= 0 ? ["", ...args.slice(cssAt + 1)] : [""];
const builds = (option("--dist") ?? "dist").split(",");
/** the cases: every build as it is, then the first build with each style injected */
const cases = [
  ...builds.map((dist) => ({ dist, css: "" })),
  ...styles.slice(1).map((css) => ({ dist: builds[0]!, css })),
];
const dists = cases.map((c) => (c.css ? `${c.dist} + css #${styles.indexOf(c.css)}` : c.dist));
const RUNS = Math.max(1, Number(option("--runs")) || 3);
const PROFILE = args.includes("--profile");
const MOVES = 60;
const TRACE = "/tmp/drag-profile-trace.json";
const PHASES = [...RENDER_PHASES, "MinorGC", "MajorGC", "V8.GC_SCAVENGER", RASTER, BEGIN_MAIN_FRAME];
/** a main-thread task: every phase above happens inside one */
const TASK = "ThreadControllerImpl::RunTask";

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

async function one(
  browser: Browser,
  css: string,
  url: string,
): Promise<{ phases: Record<string, number>; self: Map<string, number> }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: css !== "" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(`${url}from-loss-to-detector/`, { waitUntil: "load" });
  if (css) await page.addStyleTag({ content: css });
  await page.locator("anchor-map").scrollIntoViewIfNeeded();
  await page.waitForSelector("anchor-map[data-ready]");
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const dog = (await page.locator('[data-stage="labels"] [data-box="1"] .gt-rect').boundingBox())!;
  const x = dog.x + dog.width / 2;
  const y = dog.y + dog.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await browser.startTracing(page, {
    path: TRACE,
    categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink", "cc", "v8", "toplevel"],
  });
  if (PROFILE) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
  }
  for (let i = 1; i <= MOVES; i++) {
    await page.mouse.move(x + 40 * Math.sin((i / MOVES) * Math.PI * 2), y);
    await page.waitForTimeout(16);
  }
  const self = new Map<string, number>();
  if (PROFILE) {
    const { profile } = await cdp.send("Profiler.stop");
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const dt = profile.timeDeltas ?? [];
    profile.samples?.forEach((id, i) => {
      const f = byId.get(id)!.callFrame;
      const key = `${f.functionName || "(anon)"} ${f.url.split("/").pop() ?? ""}:${f.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000 / MOVES);
    });
  }
  await browser.stopTracing();
  await page.mouse.up();
  await context.close();
  const events = JSON.parse(readFileSync(TRACE, "utf8")).traceEvents as TraceEvent[];
  // The renderer's main thread: the one that dispatched the pointer events.
  const main = events.find((e) => e.name === "EventDispatch");
  const phases: Record<string, number> = {};
  const onMain = (e: TraceEvent) => main !== undefined && e.pid === main.pid && e.tid === main.tid;
  // Faster frames coalesce fewer moves, so time is counted per frame that ran the figure's update (a rAF callback).
  const frames = Math.max(1, events.filter((e) => e.ph === "X" && e.name === "FireAnimationFrame" && onMain(e)).length);
  phases["frames"] = frames;
  for (const e of events) {
    if (e.ph !== "X" || !main || e.pid !== main.pid) continue;
    const ms = (e.tdur ?? e.dur ?? 0) / 1000 / frames;
    if (e.tid === main.tid && PHASES.includes(e.name)) phases[e.name] = (phases[e.name] ?? 0) + ms;
    if (e.tid === main.tid && e.name === TASK)
      phases["main thread, all tasks"] = (phases["main thread, all tasks"] ?? 0) + ms;
    if (e.tid !== main.tid && e.name === "RasterTask")
      phases["RasterTask (other threads)"] = (phases["RasterTask (other threads)"] ?? 0) + ms;
  }
  return { phases, self };
}

const servers = await Promise.all(cases.map((c) => startStaticServer(c.dist, "/")));
const browser = await launchChromium();
const results = dists.map(() => [] as Awaited<ReturnType<typeof one>>[]);
try {
  for (let r = 0; r < RUNS; r++)
    for (let i = 0; i < cases.length; i++) {
      // Alternate the order, so no case always runs first.
      const k = r % 2 === 0 ? i : cases.length - 1 - i;
      results[k]!.push(await one(browser, cases[k]!.css, servers[k]!.url));
    }
} finally {
  await browser.close();
  for (const s of servers) await s.close();
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;
const rows = [...PHASES, "RasterTask (other threads)", "main thread, all tasks", "frames"];
console.log(`thread ms per frame (median of ${RUNS}), ${MOVES} moves dragging the dog at 4× throttling`);
console.log("phase".padEnd(30) + dists.map((_, i) => `#${i}`.padStart(9)).join(""));
for (const p of rows)
  console.log(
    p.padEnd(30) +
      results
        .map((rs) =>
          median(rs.map((x) => x.phases[p] ?? 0))
            .toFixed(2)
            .padStart(9),
        )
        .join(""),
  );
dists.forEach((d, i) => console.log(`#${i}: ${d}`));
styles.slice(1).forEach((css, i) => console.log(`css #${i + 1}: ${css}`));
if (PROFILE)
  for (const [i, d] of dists.entries()) {
    const self = new Map<string, number>();
    for (const x of results[i]!) for (const [k, v] of x.self) self.set(k, (self.get(k) ?? 0) + v / RUNS);
    console.log(`\n${d}: JS self time, ms per move (mean of ${RUNS})`);
    for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25))
      console.log(`${v.toFixed(2).padStart(8)}  ${k}`);
  }
