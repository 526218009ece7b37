/**
 * The anchor map's worker client (lazy-worker.ts): at most one update in
 * flight; while the worker is busy, later states replace each other and only
 * the newest is sent when its answer comes (asking for the words or OHEM's
 * minibatch carries over to it), so a fast drag never queues stale frames.
 */
import type { AnchorMapFrame, AnchorMapUpdate, FromAnchorMapWorker } from "../lib/detector/anchor-map-protocol";
import { lazyWorker } from "./lazy-worker";

export type UpdateRequest = Omit<AnchorMapUpdate, "type" | "id">;

export class AnchorMapWorker {
  private readonly worker;
  private id = 0;
  private inFlight = false;
  private queued: UpdateRequest | null = null;
  private sent: UpdateRequest | null = null;

  /** `receive` gets each answer with the request it answers. */
  constructor(receive: (frame: AnchorMapFrame, request: UpdateRequest) => void) {
    this.worker = lazyWorker<AnchorMapUpdate, FromAnchorMapWorker>(
      () => new Worker(new URL("../workers/anchor-map.worker.ts", import.meta.url), { type: "module" }),
      (frame) => {
        this.inFlight = false;
        receive(frame, this.sent!);
        if (this.queued) this.post(this.queued);
      },
    );
  }

  /** Asks for the state's frame: now, or as soon as the frame in flight is answered. */
  request(request: UpdateRequest): void {
    if (!this.inFlight) return this.post(request);
    const q = this.queued;
    this.queued = q ? { ...request, words: request.words || q.words, ohem: request.ohem ?? q.ohem } : request;
  }

  private post(request: UpdateRequest): void {
    this.queued = null;
    this.inFlight = true;
    this.sent = request;
    this.worker.send({ type: "update", id: ++this.id, ...request });
  }
}
