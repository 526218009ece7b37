/**
 * Diagnostic, not a gate: what a chapter page costs a γ-slider drag when no figure redraws, built up
 * piece by piece from a bare <input type="range"> to the live page, so the step that costs shows.
 *
 * Each case is a page reduced to some of its parts: the built page with its scripts stripped (the
 * HTML intercepted on its way in) and everything outside the kept parts removed from the DOM; the
 * last case is the live page with its scripts, the slider swapped for a listener-free copy (the
 * "detached" reading of slider-input-to-paint.ts). The ladder adds, in order: the site's CSS with the
 * figure's control row alone, the rest of the figure (static SVG, caption, data table), the site's
 * layout (sticky header, chapter header, footer), the article's text without KaTeX, KaTeX, the margin
 * notes, everything else (tables, other figures), the scripts.
 *
 * Per case, at 4× CPU throttling, a 60-move pointer drag across the slider at about 60 Hz (the
 * gesture's pace; every other wait is for a state): the p95 of the input events' input-to-paint time,
 * measured in the page as slider-input-to-paint.ts does, and the renderer main thread's CPU time
 * (trace events' thread duration, which a loaded host distorts far less) in all, per rendering phase.
 * The bare slider is measured just before every case and each ratio is to that one; with --runs N
 * (3 unless told) every cell is the median of N.
 *
 *   node tests/bench/page-slider-cost.ts [--dist dist] [--runs 3] [--page cross-entropy/] [--css "rule" ...]
 *
 * --css adds, after the ladder, the full static page and the live page with each rule set injected
 * (to try a change before making it). --only a,b measures only the named cases (and the bare slider).
 */
import { readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/chromium.ts";
import { startStaticServer } from "../e2e/support/static-server.ts";
import { BEGIN_MAIN_FRAME, RENDER_PHASES } from "./render-phases.ts";

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const DIST = option("--dist") ?? "dist";
const PATH = option("--page") ?? "cross-entropy/";
const RUNS = Math.max(1, Number(option("--runs")) || 3);
const cssAt = args.indexOf("--css");
const STYLES = cssAt >= 0 ? args.slice(cssAt + 1) : [];
const ONLY = option("--only")?.split(",");
const THROTTLE = 4;
const MOVES = 60;
const FIGURE = "focal-loss-curves,modulating-factor-curves,logit-loss-gradient";
const TRACE = join(tmpdir(), `page-slider-cost-${process.pid}.json`);
/** a main-thread task: every rendering phase runs inside one */
const TASK = "RunTask";

/** The yardstick of slider-input-to-paint.ts, the same markup. */
const BARE_PAGE = `<!doctype html><html><body style="margin:40px;font:16px system-ui">
<label>γ <input type="range" min="0" max="5" step="0.1" value="2" style="width:420px"></label></body></html>`;

/** What a case keeps of the static page: selectors kept whole (with the path down to them), and selectors then removed. */
interface Reduction {
  keep: string[] | null;
  drop: string[];
}
interface Case {
  name: string;
  /** null: the bare slider; "live": the page with its scripts, slider detached */
  page: Reduction | "live" | null;
  css?: string;
  /** the figure's own slider markup (datalist, tick labels) on the bare page */
  markup?: boolean;
}

const CONTROLS = `:is(${FIGURE}) .figure-controls`;
const LAYOUT = [".skip-link", ".site-header", ".site-footer", ".chapter-header", ".chapter-nav"];
const TEXT = [".prose > :is(p, h2, h3, h4, ul, ol, blockquote)"];
const LADDER: Case[] = [
  { name: "bare slider, the figure's markup (datalist ticks, labels), no CSS", page: null, markup: true },
  { name: "site CSS, the figure's control row alone", page: { keep: [CONTROLS], drop: [] } },
  { name: "+ the rest of the figure, static (SVG, caption, table)", page: { keep: [FIGURE], drop: [] } },
  { name: "+ site layout (sticky header, chapter header, footer)", page: { keep: [FIGURE, ...LAYOUT], drop: [] } },
  {
    name: "+ article text, no KaTeX, no margin notes",
    page: { keep: [FIGURE, ...LAYOUT, ...TEXT], drop: [".prose .katex", ".prose .katex-display", ".sidenote"] },
  },
  { name: "+ KaTeX", page: { keep: [FIGURE, ...LAYOUT, ...TEXT], drop: [".sidenote"] } },
  { name: "+ margin notes", page: { keep: [FIGURE, ...LAYOUT, ...TEXT], drop: [] } },
  { name: "+ everything else: the whole static page", page: { keep: null, drop: [] } },
  { name: "+ scripts: the live page, slider detached", page: "live" },
];
const CASES: Case[] = [
  ...LADDER,
  ...STYLES.flatMap((css, i) => [
    { name: `whole static page + css #${i}`, page: { keep: null, drop: [] }, css },
    { name: `live page, detached + css #${i}`, page: "live" as const, css },
  ]),
].filter((c, i) => !ONLY || ONLY.includes(String(i + 1)));

/** Removes from the body everything that is neither kept nor on the way down to something kept, then the drops. */
function reduce({ keep, drop }: Reduction): void {
  if (keep) {
    const kept = new Set(keep.flatMap((s) => [...document.querySelectorAll(s)]));
    const prune = (el: Element) => {
      for (const child of [...el.children]) {
        if (kept.has(child)) continue;
        if ([...kept].some((k) => child.contains(k))) prune(child);
        else child.remove();
      }
    };
    prune(document.body);
  }
  for (const s of drop) for (const el of document.querySelectorAll(s)) el.remove();
  // What the figure's script does first when it wakes: its inputs are disabled until then.
  for (const input of document.querySelectorAll<HTMLInputElement>("input[data-control]")) input.disabled = false;
}

async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const bench = { durations: [] as number[], frames: [] as number[], inputs: 0, recording: false };
    (window as unknown as { __bench: typeof bench }).__bench = bench;
    // As slider-input-to-paint.ts: a capture listener runs first; a message posted from the next
    // animation frame's callback is handled just after that frame's paint.
    window.addEventListener(
      "input",
      (event) => {
        if (!bench.recording) return;
        bench.inputs++;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => bench.durations.push(performance.now() - event.timeStamp);
          channel.port2.postMessage(null);
        });
      },
      { capture: true },
    );
    let last = 0;
    const tick = (t: number) => {
      if (bench.recording && last) bench.frames.push(t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

interface Reading {
  p95: number;
  longFrames: number;
  /** the renderer main thread's CPU time in every task of the drag */
  cpu: number;
  /** per input event: the CPU time of the frames that laid out (the input frames) and of the mouse moves' handling, then by phase */
  perInput: Record<string, number>;
  /** the input frames' layouts: median objects marked dirty, median objects in the tree, share that were partial (from a relayout root) */
  layout: { dirty: number; total: number; partial: number };
}

const INPUT_FRAME = "input frame + mouse move";
const MOVE = "EventHandler::handleMouseMoveEvent";
/** what a frame's rendering is made of; style recalculation does not appear: a detached slider's drag invalidates no style */
const PHASES = RENDER_PHASES.filter((p) => p !== "EventDispatch" && p !== "FireAnimationFrame");

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { beginData?: { dirtyObjects: number; totalObjects: number; partialLayout: boolean } };
}

let traces = 0;
function readTrace(inputs: number): Omit<Reading, "p95" | "longFrames"> {
  const events = (JSON.parse(readFileSync(TRACE, "utf8")) as { traceEvents: TraceEvent[] }).traceEvents;
  // KEEP_TRACES=dir keeps each trace there, numbered in the order measured (bare, case, bare, case, ...).
  if (process.env.KEEP_TRACES)
    renameSync(TRACE, join(process.env.KEEP_TRACES, `${String(traces++).padStart(3, "0")}.json`));
  else rmSync(TRACE);
  const thread = (e: TraceEvent) => `${e.pid}:${e.tid}`;
  // The renderer's main thread is the one that ran the frames.
  const frameCount = new Map<string, number>();
  for (const e of events)
    if (e.name === BEGIN_MAIN_FRAME) frameCount.set(thread(e), (frameCount.get(thread(e)) ?? 0) + 1);
  const main = [...frameCount].sort((a, b) => b[1] - a[1])[0]?.[0];
  const mine = events.filter((e) => e.ph === "X" && thread(e) === main);
  const time = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
  const layouts = mine.filter((e) => e.name === "Layout");
  // The frames in which the slider moved: those with a layout in them (the bench's own animation frames run every vsync).
  const inputFrames = mine.filter(
    (e) => e.name === BEGIN_MAIN_FRAME && layouts.some((l) => l.ts >= e.ts && l.ts <= e.ts + (e.dur ?? 0)),
  );
  const within = (e: TraceEvent) => inputFrames.some((f) => e.ts >= f.ts && e.ts <= f.ts + (f.dur ?? 0));
  const perInput: Record<string, number> = {};
  const add = (name: string, ms: number) => (perInput[name] = (perInput[name] ?? 0) + ms / inputs);
  for (const f of inputFrames) add(INPUT_FRAME, time(f));
  for (const e of mine) {
    if (e.name === MOVE) add(INPUT_FRAME, time(e));
    if ([MOVE, ...PHASES].includes(e.name) && (e.name === MOVE || within(e))) add(e.name, time(e));
  }
  const data = layouts.map((l) => l.args?.beginData).filter((d) => d !== undefined);
  return {
    cpu: mine.filter((e) => e.name === TASK).reduce((sum, e) => sum + time(e), 0),
    perInput,
    layout: {
      dirty: median(data.map((d) => d.dirtyObjects)),
      total: median(data.map((d) => d.totalObjects)),
      partial: data.filter((d) => d.partialLayout).length / Math.max(1, data.length),
    },
  };
}

async function measure(browser: Browser, base: string, c: Case): Promise<Reading> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    if (c.page === null) {
      await page.setContent(c.markup ? BARE_PAGE.replace(/<label>[\s\S]*<\/label>/, markup) : BARE_PAGE);
    } else {
      if (c.page !== "live")
        await page.route(base + PATH, async (route) => {
          const response = await route.fetch();
          const html = (await response.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "");
          await route.fulfill({ response, body: html });
        });
      await page.goto(base + PATH, { waitUntil: "load" });
      await page.evaluate(() => document.fonts.ready);
      const figure = page.locator(FIGURE).first();
      if (c.page === "live") {
        await figure.scrollIntoViewIfNeeded();
        await figure.and(page.locator("[data-ready]")).waitFor({ timeout: 120_000 });
        await figure
          .locator('input[data-control="gamma"]')
          .evaluate((input) => input.replaceWith(input.cloneNode(true)));
      } else await page.evaluate(reduce, c.page);
    }
    if (c.css) await page.addStyleTag({ content: c.css });
    await instrument(page);
    const slider = page
      .locator(c.page === null ? 'input[type="range"]' : `:is(${FIGURE}) input[data-control="gamma"]`)
      .first();
    // Mid-viewport: scrolled only "into view" it can sit under the sticky site header, which then takes the drag.
    await slider.evaluate((input) => input.scrollIntoView({ block: "center" }));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
    const box = (await slider.boundingBox())!;
    const y = box.y + box.height / 2;
    const xAt = (f: number) => box.x + 8 + (box.width - 16) * f;
    await page.mouse.move(xAt(0.1), y);
    await page.mouse.down();
    await browser.startTracing(page, {
      path: TRACE,
      categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink", "cc"],
    });
    await page.evaluate(() => ((window as unknown as { __bench: { recording: boolean } }).__bench.recording = true));
    for (let i = 0; i < MOVES; i++) {
      const f = i < MOVES / 2 ? 0.1 + (0.8 * i) / (MOVES / 2 - 1) : 0.9 - (0.8 * (i - MOVES / 2)) / (MOVES / 2 - 1);
      await page.mouse.move(xAt(f), y);
      // The gesture's pace: a hand moves the pointer about 60 times a second.
      await page.waitForTimeout(16);
    }
    // Every input event's paint has happened once each has its duration.
    await page.waitForFunction(() => {
      const b = (window as unknown as { __bench: { durations: number[]; inputs: number } }).__bench;
      return b.durations.length === b.inputs;
    });
    const bench = await page.evaluate(() => {
      const b = (
        window as unknown as { __bench: { durations: number[]; frames: number[]; inputs: number; recording: boolean } }
      ).__bench;
      b.recording = false;
      return b;
    });
    await browser.stopTracing();
    await page.mouse.up();
    if (bench.inputs < 20)
      throw new Error(`only ${bench.inputs} input events in "${c.name}": the drag did not move the slider`);
    return {
      p95: percentile(bench.durations, 0.95),
      longFrames: bench.frames.filter((f) => f > 33).length / Math.max(1, bench.frames.length),
      ...readTrace(bench.inputs),
    };
  } finally {
    await context.close();
  }
}

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}
const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const html = readFileSync(join(DIST, PATH, "index.html"), "utf8");
/** The figure's γ slider as the page writes it (its datalist and tick labels), to put alone on the bare page. */
const markup = /<span class="range-with-ticks">[\s\S]*?<\/datalist>/.exec(html)?.[0].replace(" disabled", "") ?? "";
if (!markup) throw new Error(`no γ slider with ticks in ${DIST}/${PATH}`);
const server = await startStaticServer(DIST, "/");
const browser = await launchChromium();
const started = performance.now();
const load = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
const loadBefore = load();
/** Per run: the bare slider, then each case followed by the bare slider again (bare, case, bare, case, ..., bare). */
const results = CASES.map(() => [] as { page: Reading; bare: Reading[] }[]);
const bareAll: Reading[] = [];
try {
  for (let r = 0; r < RUNS; r++) {
    let before = await measure(browser, server.url, { name: "bare", page: null });
    bareAll.push(before);
    for (const [i, c] of CASES.entries()) {
      const page = await measure(browser, server.url, c);
      const after = await measure(browser, server.url, { name: "bare", page: null });
      bareAll.push(after);
      results[i]!.push({ page, bare: [before, after] });
      console.error(
        `run ${r + 1}/${RUNS} #${i + 1}: p95 ${page.p95.toFixed(1)} ms (bare ${before.p95.toFixed(1)}, ${after.p95.toFixed(1)}); CPU per input ${page.perInput[INPUT_FRAME]!.toFixed(2)} ms (bare ${before.perInput[INPUT_FRAME]!.toFixed(2)}, ${after.perInput[INPUT_FRAME]!.toFixed(2)})`,
      );
      before = after;
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const f1 = (v: number) => v.toFixed(1);
const f2 = (v: number) => v.toFixed(2);
console.log(
  `\n/${PATH}: γ drag (${MOVES} moves), CPU ${THROTTLE}×, ${RUNS} run(s) in ${((performance.now() - started) / 60000).toFixed(1)} min, load average ${loadBefore} before, ${load()} after.`,
);
console.log(
  "Median of runs; each ratio to the mean of the bare slider measured just before and just after. CPU: the renderer main thread's, per input event, in the frames that laid out and in the mouse moves' handling.",
);
const cols = [MOVE, ...PHASES];
console.log(
  `| # | case | input p95 | p95 / bare | frames > 33 ms | CPU per input | CPU / bare | ${cols.map((c) => c.replace("EventHandler::handleMouseMoveEvent", "mouse move")).join(" | ")} | layout: dirty / total objects, partial |`,
);
console.log(`| --- | --- | --- | --- | --- | --- | --- |${cols.map(() => " --- |").join("")} --- |`);
const row = (n: string, name: string, rs: Reading[], ratio: (pick: (r: Reading) => number) => string) => {
  const of = (pick: (r: Reading) => number) => median(rs.map(pick));
  console.log(
    `| ${n} | ${name} | ${f1(of((r) => r.p95))} ms | ${ratio((r) => r.p95)} | ${f1(100 * of((r) => r.longFrames))} % | ${f2(of((r) => r.perInput[INPUT_FRAME] ?? 0))} ms | ${ratio((r) => r.perInput[INPUT_FRAME] ?? 0)} | ${cols.map((c) => f2(of((r) => r.perInput[c] ?? 0))).join(" | ")} | ${of((r) => r.layout.dirty)} / ${of((r) => r.layout.total)}, ${f1(100 * of((r) => r.layout.partial))} % |`,
  );
};
row("0", "bare <input type=range> (every bare reading)", bareAll, () => "1");
CASES.forEach((c, i) => {
  const pairs = results[i]!;
  row(
    String(i + 1),
    c.name,
    pairs.map((p) => p.page),
    (pick) => f2(median(pairs.map((p) => pick(p.page) / ((pick(p.bare[0]!) + pick(p.bare[1]!)) / 2)))),
  );
});
STYLES.forEach((css, i) => console.log(`css #${i}: ${css}`));
