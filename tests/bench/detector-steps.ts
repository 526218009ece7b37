/**
 * Browser benchmark of the detector lab's training worker: the built worker
 * (dist/_astro/detector.worker-*.js) trains the default run in headless
 * Chromium on three seeds, and reports the worker's own time per training step
 * (both models, the figure the lab shows the reader), steps per second, and
 * the held-out AP of each model at the end. On a shared machine an absolute
 * time says little, so the same run also times a baseline in a worker of the
 * same page: a plain JavaScript 128 × 128 matrix multiply (Float32Array, the
 * triple loop), and prints training steps per second against matrix multiplies
 * per second. It asserts nothing: it is a measurement, not a timed test.
 *
 *   npm run build && node tests/bench/detector-steps.ts [--seeds 3] [--steps 200]
 */
import { readdirSync } from "node:fs";
import { launchChromium } from "../support/chromium.ts";
import { startStaticServer } from "../e2e/support/static-server.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  const v = at >= 0 ? Number(args[at + 1]) : NaN;
  return Number.isInteger(v) && v > 0 ? v : fallback;
};
const SEEDS = option("--seeds", 3);
/** 200 is the lab's default run (DETECTOR_LAB_STATE's steps); the worker accepts 100, 200, 400 or 800. */
const STEPS = option("--steps", 200);
/** The lab's default γ, α and prior (DETECTOR_LAB_STATE.defaults), with the seed and steps of this bench. */
const state = (seed: number) => ({ seed, gamma: 2, alpha: 0.25, prior: true, steps: STEPS });

const workerFile = readdirSync("dist/_astro").find((f) => /^detector\.worker.*\.js$/.test(f));
if (!workerFile) throw new Error("No dist/_astro/detector.worker-*.js: run npm run build first.");

const MATRIX = 128;
/** The baseline, as a worker's source: repeats the multiply for about a second and reports ms per multiply. */
const BASELINE = `
  const n = ${MATRIX}, a = new Float32Array(n * n), b = new Float32Array(n * n), c = new Float32Array(n * n);
  for (let i = 0; i < n * n; i++) { a[i] = (i % 7) / 7; b[i] = (i % 5) / 5; }
  const multiply = () => {
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      let s = 0; for (let k = 0; k < n; k++) s += a[i * n + k] * b[k * n + j]; c[i * n + j] = s;
    }
  };
  for (let w = 0; w < 5; w++) multiply();
  let count = 0; const start = performance.now();
  while (performance.now() - start < 1000) { multiply(); count++; }
  postMessage({ msPerMultiply: (performance.now() - start) / count, check: c[n + 1] });
`;

const server = await startStaticServer("dist");
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  // A blank page of the site's origin, so the module worker loads from it (a built page's CSP would refuse the blob baseline).
  await page.route(`${server.url}__bench/`, (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><title>bench</title>" }),
  );
  await page.goto(`${server.url}__bench/`);

  const baseline = () =>
    page.evaluate(
      (source) =>
        new Promise<number>((resolve, reject) => {
          const w = new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
          w.onerror = (e) => reject(new Error(`baseline worker: ${e.message}`));
          w.onmessage = (e) => {
            w.terminate();
            resolve(e.data.msPerMultiply);
          };
        }),
      BASELINE,
    );

  const train = (seed: number) =>
    page.evaluate(
      ({ url, state }) =>
        new Promise<{ msPerStep: number; ce: number; focal: number; chance: number; wallMs: number }>(
          (resolve, reject) => {
            const w = new Worker(url, { type: "module" });
            w.onerror = (e) => reject(new Error(`detector worker: ${e.message ?? "failed to load"}`));
            const start = performance.now();
            w.onmessage = (e) => {
              const m = e.data;
              if (m.type !== "snapshot" || !m.snapshot.finished || m.snapshot.ce.ap === null) return;
              w.terminate();
              resolve({
                msPerStep: m.msPerStep,
                ce: m.snapshot.ce.ap,
                focal: m.snapshot.focal.ap,
                chance: m.snapshot.chanceAp,
                wallMs: performance.now() - start,
              });
            };
            w.postMessage({ type: "configure", state });
            w.postMessage({ type: "play" });
          },
        ),
      { url: `${server.url}_astro/${workerFile}`, state: state(seed) },
    );

  const rows: string[] = [];
  const before = await baseline();
  const runs = [];
  for (let seed = 1; seed <= SEEDS; seed++) {
    const r = await train(seed);
    runs.push(r);
    const stepsPerSecond = 1000 / r.msPerStep;
    rows.push(
      `| ${seed} | ${r.msPerStep.toFixed(1)} | ${stepsPerSecond.toFixed(2)} | ${r.ce.toFixed(3)} | ${r.focal.toFixed(3)} | ${r.chance.toFixed(3)} | ${(r.wallMs / 1000).toFixed(1)} |`,
    );
  }
  const after = await baseline();
  const msPerMultiply = (before + after) / 2;
  const meanMsPerStep = runs.reduce((s, r) => s + r.msPerStep, 0) / runs.length;
  console.log(`Detector lab worker (${workerFile}), ${STEPS} steps of both models per seed, Chromium headless:\n`);
  console.log("| seed | ms per step | steps per s | CE AP | FL AP | chance AP | run, s |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) console.log(r);
  console.log(
    `\nBaseline in a worker of the same page: ${msPerMultiply.toFixed(2)} ms per ${MATRIX}×${MATRIX} matrix multiply ` +
      `(${before.toFixed(2)} before, ${after.toFixed(2)} after the runs).`,
  );
  console.log(
    `One training step costs ${(meanMsPerStep / msPerMultiply).toFixed(1)} matrix multiplies ` +
      `(${(1000 / meanMsPerStep).toFixed(2)} steps/s against ${(1000 / msPerMultiply).toFixed(1)} multiplies/s).`,
  );
} finally {
  await browser.close();
  await server.close();
}
