/** The detector lab's worker (lazy-worker.ts): the reader's run and the five-seed spread each get an instance of the same script. */
import type { FromDetectorWorker, ToDetectorWorker } from "../lib/detector-lab/detector-protocol";
import { lazyWorker, type WorkerClient } from "./lazy-worker";

export type DetectorWorkerClient = WorkerClient<ToDetectorWorker>;

/** `first` is posted before anything else when the worker starts (the reader's run must be configured first). */
export const detectorWorker = (
  receive: (message: FromDetectorWorker) => void,
  first?: () => ToDetectorWorker,
): DetectorWorkerClient =>
  lazyWorker(
    () => new Worker(new URL("../workers/detector.worker.ts", import.meta.url), { type: "module" }),
    receive,
    first,
  );
