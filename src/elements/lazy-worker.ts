/**
 * A worker created on the first message and not before: a lab's worker
 * JavaScript (the network, the scenes, the loss) loads only when the reader
 * asks for training, never with the page. Each lab's run and the detector
 * lab's five-seed spread get an instance of their own.
 */
export interface WorkerClient<To> {
  send(message: To): void;
  readonly started: boolean;
  terminate(): void;
}

/** `first` is posted before anything else when the worker starts (a lab's run must be configured first). */
export function lazyWorker<To extends { type: string }, From>(
  create: () => Worker,
  receive: (message: From) => void,
  first?: () => To,
): WorkerClient<To> {
  let worker: Worker | null = null;
  return {
    send(message) {
      if (!worker) {
        worker = create();
        worker.onmessage = (e: MessageEvent<From>) => receive(e.data);
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
