/**
 * The detector lab's trainer, off the main thread: one step of the two small
 * convolutional models takes tens of milliseconds, so the page would stutter.
 * Trains in slices of about 30 ms, yielding between them so pause, reset and
 * cancel are handled at once; posts a snapshot about 4 times a second (the
 * held-out AP and detections, which score every held-out scene, about once a
 * second and at the end). The same script runs the five-seed spread in a second
 * instance. Time per step is measured around each training step alone.
 */
import { DetectorSession, newScene } from "../lib/detector-lab/detector-session";
import { CLASS_COUNT } from "../lib/detector-lab/detector-run";
import { sceneScores } from "../lib/detector-lab/detections";
import { outcomeOf, type SeedOutcome } from "../lib/detector-lab/seed-spread";
import type { FromDetectorWorker, ToDetectorWorker } from "../lib/detector-lab/detector-protocol";
import type { DetectorLabState } from "../lib/state/detector-lab-state";

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

const msPerStep = () => (trainedSteps ? trainedMs / trainedSteps : null);
const send = (message: FromDetectorWorker, transfer: Transferable[] = []) => postMessage(message, { transfer });

/** One training step of both models, timed alone (snapshots and AP are not counted in it). */
function timedStep(s: DetectorSession) {
  const t = performance.now();
  s.advance(1);
  trainedMs += performance.now() - t;
  trainedSteps += 1;
}

/** Train `s` for about one slice; returns when the slice is used up or the run is finished. */
function trainSlice(s: DetectorSession) {
  const start = performance.now();
  while (performance.now() - start < SLICE_MS && !s.finished) timedStep(s);
}

function post(withMetrics: boolean) {
  if (!session) return;
  const now = performance.now();
  lastSnapshot = now;
  if (withMetrics) lastMetrics = now;
  const snapshot = session.snapshot(withMetrics);
  send({ type: "snapshot", running, snapshot, msPerStep: msPerStep() }, [
    snapshot.ce.lossMap.buffer,
    snapshot.focal.lossMap.buffer,
  ]);
}

function loop() {
  timer = null;
  if (!session || !running) return;
  trainSlice(session);
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

function score(index: number) {
  if (!session) return;
  const scene = newScene(session.state.seed, index);
  const found = session.detect(scene);
  const of = (which: "ce" | "focal") => ({
    detections: found[which],
    scores: sceneScores(session!.run.scores(which, scene), scene.assignment, scene.objects, CLASS_COUNT),
  });
  send({ type: "scored", scene: index, step: session.run.step, ce: of("ce"), focal: of("focal") });
}

/** The spread: each seed a session of its own, trained in slices like the reader's run. */
function runSeeds(state: DetectorLabState, seeds: number[]) {
  const outcomes: SeedOutcome[] = [];
  let current: DetectorSession | null = null;
  const progress = () =>
    send({
      type: "seeds",
      outcomes: [...outcomes],
      total: seeds.length,
      current: current ? { seed: current.state.seed, step: current.run.step, steps: current.steps } : null,
      msPerStep: msPerStep(),
    });
  const next = () => {
    timer = null;
    if (!running) return;
    if (!current) current = new DetectorSession({ ...state, seed: seeds[outcomes.length]! });
    trainSlice(current);
    if (current.finished) {
      outcomes.push(outcomeOf(current));
      current = null;
    }
    const now = performance.now();
    const done = outcomes.length === seeds.length;
    if (done || !current || now - lastSnapshot >= SNAPSHOT_MS) {
      lastSnapshot = now;
      progress();
    }
    if (done) running = false;
    else timer = setTimeout(next, 0);
  };
  running = true;
  progress();
  next();
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
      timedStep(session);
      post(true);
      break;
    case "score":
      score(message.scene);
      break;
    case "seeds":
      stop();
      trainedMs = 0;
      trainedSteps = 0;
      runSeeds(message.state, message.seeds);
      break;
    case "cancel-seeds":
      stop();
      break;
  }
};
