import { describe, expect, it } from "vitest";
import { DETECTOR_LAB_STATE } from "../../../../src/lib/state/detector-lab-state";
import { DetectorSession } from "../../../../src/lib/detector-lab/detector-session";
import { decodeSnapshot, encodeSnapshot } from "../../../../src/lib/detector-lab/snapshot-codec";

/** A real snapshot, a few steps into a run, with its metrics (AP, detections): trained once, copied per test. */
const trained = (() => {
  const session = new DetectorSession({ ...DETECTOR_LAB_STATE.defaults, steps: 100 as const });
  session.advance(3);
  return session.snapshot(true);
})();
const shortRun = () => structuredClone(trained);

const bits = (values: Float32Array) => [...new Uint32Array(values.buffer, values.byteOffset, values.length)];

describe("a finished run as text and back", () => {
  it("gives back the snapshot bit for bit: every number, every float of the loss maps and logits", () => {
    const snap = shortRun();
    const back = decodeSnapshot(encodeSnapshot(snap))!;
    expect(back).toEqual(snap);
    for (const model of ["ce", "focal"] as const) {
      expect(back[model].lossMap).toBeInstanceOf(Float32Array);
      expect(bits(back[model].lossMap)).toEqual(bits(snap[model].lossMap));
      expect(bits(back[model].logits)).toEqual(bits(snap[model].logits));
    }
    expect(back.ce.detections).not.toBeNull();
  });

  it("keeps non-finite numbers, which JSON alone writes as null", () => {
    const snap = shortRun();
    snap.ce.loss = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0.5];
    expect(decodeSnapshot(encodeSnapshot(snap))!.ce.loss).toEqual([Number.NaN, Infinity, -Infinity, 0.5]);
  });

  it("reads nothing it did not write: another version, a torn file, any other text", () => {
    const text = encodeSnapshot(shortRun());
    expect(decodeSnapshot(text.replace('"version":1', '"version":0'))).toBeNull();
    expect(decodeSnapshot(text.slice(0, text.length / 2))).toBeNull();
    expect(decodeSnapshot(text.replace(/"\$f32":"[^"]*"/, '"$f32":"not base64!"'))).toBeNull();
    expect(decodeSnapshot("")).toBeNull();
    expect(decodeSnapshot("null")).toBeNull();
  });
});
