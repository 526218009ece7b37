import { bench, describe } from "vitest";
import { FIGURE1_GAMMAS, focalLossBatch, focalLossOfPt, sampleCurve } from "../../src/lib/math/loss";

// The paper's five curves plus the reader's own, as the figure draws them.
const gammas = [...FIGURE1_GAMMAS, 1.7];

describe("Figure 1 curves", () => {
  bench("sample 6 curves × 1,001 points", () => {
    for (const gamma of gammas) {
      sampleCurve((p) => focalLossOfPt(p, { alpha: null, gamma }), { from: 0, to: 1, points: 1001 });
    }
  });
});

// A fixed pseudo-random batch: the same work on every run.
const n = 100_000;
const logits = new Float64Array(n);
const labels = new Uint8Array(n);
let seed = 12345;
const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
for (let i = 0; i < n; i++) {
  logits[i] = (next() - 0.5) * 30;
  labels[i] = next() < 0.01 ? 1 : 0;
}

describe("a detector's batch", () => {
  bench("loss + gradient over 100,000 logits", () => {
    focalLossBatch(logits, labels, { alpha: 0.25, gamma: 2 });
  });
});
