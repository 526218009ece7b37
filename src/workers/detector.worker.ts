/**
 * The detector lab's trainer, off the main thread: one step of the two small
 * convolutional models takes tens of milliseconds, so the page would stutter.
 * Trains in slices of about 30 ms, yielding between them so pause and reset
 * are handled at once; posts a snapshot about 4 times a second (the held-out
 * AP, which scores every held-out scene, about once a second and at the end).
 */
import { DetectorSession } from "../lib/detector-lab/detector-session";
import type { FromDetectorWorker, ToDetectorWorker } from "../lib/detector-lab/detector-protocol";

const SLICE_MS = 30;
const SNAPSHOT_MS = 250;
const METRICS_MS = 1000;

let session: DetectorSession | null = null;
let running = false;
let timer: ReturnType<typeof setTimeout> | null = null;
let lastSnapshot = 0;
let lastMetrics = 0;
let trainedMs = 0;
let trainedSteps = 0;

function post(withMetrics: boolean) {
  if (!session) return;
  const now = performance.now();
  lastSnapshot = now;
  if (withMetrics) lastMetrics = now;
  const snapshot = session.snapshot(withMetrics);
  const message: FromDetectorWorker = {
    type: "snapshot",
    running,
    snapshot,
    msPerStep: trainedSteps ? trainedMs / trainedSteps : null,
  };
  postMessage(message, { transfer: [snapshot.ce.lossMap.buffer, snapshot.focal.lossMap.buffer] });
}

function loop() {
  timer = null;
  if (!session || !running) return;
  const start = performance.now();
  while (performance.now() - start < SLICE_MS && !session.finished) {
    const t = performance.now();
    session.advance(1);
    trainedMs += performance.now() - t;
    trainedSteps += 1;
  }
  if (session.finished) running = false;
  const now = performance.now();
  if (!running || now - lastSnapshot >= SNAPSHOT_MS) post(!running || now - lastMetrics >= METRICS_MS);
  if (running) timer = setTimeout(loop, 0);
}

function stop() {
  running = false;
  if (timer !== null) clearTimeout(timer);
  timer = null;
}

self.onmessage = (event: MessageEvent<ToDetectorWorker>) => {
  const message = event.data;
  switch (message.type) {
    case "configure":
      stop();
      session = new DetectorSession(message.state);
      trainedMs = 0;
      trainedSteps = 0;
      post(true);
      break;
    case "play":
      if (!session || running || session.finished) return;
      running = true;
      loop();
      break;
    case "pause":
      stop();
      post(true);
      break;
    case "step":
      if (!session) return;
      stop();
      session.advance(1);
      post(true);
      break;
  }
};
