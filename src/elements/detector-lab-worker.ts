/**
 * A detector-lab worker, created on the first message and not before: the
 * worker's JavaScript (the network, the scenes, the loss) loads only when the
 * reader asks for training, never with the page. The reader's run and the
 * five-seed spread each get an instance of the same script.
 */
import type { FromDetectorWorker, ToDetectorWorker } from "../lib/detector-lab/detector-protocol";

export interface DetectorWorkerClient {
  send(message: ToDetectorWorker): void;
  readonly started: boolean;
  terminate(): void;
}

/** `first` is posted before anything else when the worker starts (the reader's run must be configured first). */
export function detectorWorker(
  receive: (message: FromDetectorWorker) => void,
  first?: () => ToDetectorWorker,
): DetectorWorkerClient {
  let worker: Worker | null = null;
  return {
    send(message) {
      if (!worker) {
        worker = new Worker(new URL("../workers/detector.worker.ts", import.meta.url), { type: "module" });
        worker.onmessage = (e: MessageEvent<FromDetectorWorker>) => receive(e.data);
        const opening = first?.();
        if (opening) {
          worker.postMessage(opening);
          if (opening.type === message.type && message.type === "configure") return;
        }
      }
      worker.postMessage(message);
    },
    get started() {
      return worker !== null;
    },
    terminate() {
      worker?.terminate();
      worker = null;
    },
  };
}
