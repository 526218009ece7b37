import { describe, expect, it } from "vitest";
import {
  backward,
  buildNetwork,
  createWorkspace,
  forward,
  initialParameters,
  sgdMomentumStep,
} from "../../../../src/lib/convnet/network";
import { focalLossBatch } from "../../../../src/lib/math/loss";
import { mulberry32 } from "../../../../src/lib/math/random";

const spec = {
  inChannels: 1,
  height: 8,
  width: 6,
  hidden: [
    { outChannels: 3, stride: 2 as const },
    { outChannels: 2, stride: 1 as const },
  ],
  headChannels: 2,
  headStride: 1 as const,
};

describe("buildNetwork", () => {
  it("counts every weight and bias and follows the strides down to the head's grid", () => {
    const net = buildNetwork(spec);
    // (3·1·9 + 3) + (2·3·9 + 2) + (2·2·9 + 2)
    expect(net.parameterCount).toBe(30 + 56 + 38);
    expect([net.outHeight, net.outWidth]).toEqual([4, 3]);
  });
  it("refuses a stride other than 1 or 2", () => {
    expect(() => buildNetwork({ ...spec, headStride: 3 as never })).toThrow(RangeError);
  });
});

describe("initialParameters", () => {
  it("is the same for the same seed, sets the head's biases to the prior and the others to 0", () => {
    const net = buildNetwork(spec);
    const a = initialParameters(net, 7, -4.59);
    expect(initialParameters(net, 7, -4.59)).toEqual(a);
    expect(initialParameters(net, 8, -4.59)).not.toEqual(a);
    const head = net.layers.at(-1)!;
    expect(Array.from(a.subarray(head.biasAt, head.biasAt + 2))).toEqual([Math.fround(-4.59), Math.fround(-4.59)]);
    expect(Array.from(a.subarray(net.layers[0]!.biasAt, net.layers[0]!.biasAt + 3))).toEqual([0, 0, 0]);
  });
});

describe("forward and backward", () => {
  it("the parameter gradient of the focal loss through the whole network matches finite differences", () => {
    const net = buildNetwork(spec);
    const u = mulberry32(3);
    // Float64 parameters and image for the check; the network code takes either.
    const params = Float64Array.from(initialParameters(net, 5, -1), (v, i) => v + (i % 7 === 0 ? 0.3 : 0));
    const image = Float64Array.from({ length: 48 }, () => u());
    const labels = Uint8Array.from({ length: net.outHeight * net.outWidth * 2 }, (_, i) => (i % 5 === 0 ? 1 : 0));
    const focal = { alpha: 0.25, gamma: 2 };
    const ws = createWorkspace(net);
    const lossAt = (p: Float64Array) => focalLossBatch(forward(net, p, image, ws), labels, focal).loss;
    const { grad } = focalLossBatch(forward(net, params, image, ws), labels, focal);
    const dParams = new Float64Array(params.length);
    backward(net, params, grad, ws, dParams);
    // Central differences in float32 activations: compare to a tolerance the storage allows.
    const h = 1e-3;
    let checked = 0;
    for (let i = 0; i < params.length; i += 3) {
      const keep = params[i]!;
      params[i] = keep + h;
      const up = lossAt(params);
      params[i] = keep - h;
      const down = lossAt(params);
      params[i] = keep;
      const numeric = (up - down) / (2 * h);
      expect(Math.abs(dParams[i]! - numeric)).toBeLessThan(2e-3 * Math.max(1, Math.abs(numeric)));
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
  });
});

describe("sgdMomentumStep", () => {
  it("v ← μv + g, θ ← θ − ηv", () => {
    const p = Float64Array.from([1, 2]);
    const v = Float64Array.from([0.5, 0]);
    sgdMomentumStep(p, v, Float64Array.from([1, -2]), 0.1, 0.9);
    expect(Array.from(v)).toEqual([0.9 * 0.5 + 1, -2]);
    expect(p[0]).toBeCloseTo(1 - 0.1 * 1.45, 15);
    expect(p[1]).toBeCloseTo(2.2, 15);
  });
});
