/**
 * The lab's trainer, off the main thread: full-batch steps over tens of
 * thousands of points take milliseconds each, which would make the page stutter.
 * Trains in slices of about 12 ms, yielding between slices so pause and reset
 * messages are handled promptly, and posts at most about 5 snapshots a second
 * (metrics, which sort the held-out set, under 2 a second).
 */
import { LabRun } from "../lib/lab/lab-run";
import type { FromWorker, ToWorker } from "../lib/lab/lab-protocol";

const SLICE_MS = 12;
const SNAPSHOT_MS = 200;
const METRICS_MS = 600;

let run: LabRun | null = null;
let running = false;
let timer: ReturnType<typeof setTimeout> | null = null;
let lastSnapshot = 0;
let lastMetrics = 0;

function post(withMetrics: boolean) {
  if (!run) return;
  const now = performance.now();
  lastSnapshot = now;
  if (withMetrics) lastMetrics = now;
  const message: FromWorker = {
    type: "snapshot",
    running,
    snapshot: run.snapshot(withMetrics),
    finished: run.finished,
  };
  postMessage(message);
}

function loop() {
  timer = null;
  if (!run || !running) return;
  const start = performance.now();
  while (performance.now() - start < SLICE_MS && !run.finished) run.step(1);
  if (run.finished) running = false;
  const now = performance.now();
  if (!running || now - lastSnapshot >= SNAPSHOT_MS) post(!running || now - lastMetrics >= METRICS_MS);
  if (running) timer = setTimeout(loop, 0);
}

function stop() {
  running = false;
  if (timer !== null) clearTimeout(timer);
  timer = null;
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case "configure":
      stop();
      run = new LabRun(message.state);
      post(true);
      break;
    case "play":
      if (!run || running || run.finished) return;
      running = true;
      loop();
      break;
    case "pause":
      stop();
      post(true);
      break;
    case "step":
      if (!run) return;
      stop();
      run.step(1);
      post(true);
      break;
    case "setLoss":
      run?.setLoss(message.choice);
      if (!running) post(false);
      break;
  }
};
