import { describe, expect, it } from "vitest";
import {
  conv2dBackward,
  conv2dForward,
  convOutputSize,
  weightCount,
  type ConvShape,
} from "../../../../src/lib/convnet/conv2d";
import { mulberry32 } from "../../../../src/lib/math/random";

function randomArray(n: number, seed: number): Float64Array {
  const u = mulberry32(seed);
  return Float64Array.from({ length: n }, () => 2 * u() - 1);
}

/** A direct, obviously-correct reading of the definition, to check the fast loops against. */
function naiveConv(shape: ConvShape, input: Float64Array, w: Float64Array, b: Float64Array): Float64Array {
  const { inChannels: C, outChannels: O, height: H, width: W, stride: s } = shape;
  const oh = convOutputSize(H, s);
  const ow = convOutputSize(W, s);
  const out = new Float64Array(O * oh * ow);
  for (let co = 0; co < O; co++)
    for (let oy = 0; oy < oh; oy++)
      for (let ox = 0; ox < ow; ox++) {
        let sum = b[co]!;
        for (let ci = 0; ci < C; ci++)
          for (let ky = 0; ky < 3; ky++)
            for (let kx = 0; kx < 3; kx++) {
              const iy = oy * s + ky - 1;
              const ix = ox * s + kx - 1;
              if (iy < 0 || iy >= H || ix < 0 || ix >= W) continue;
              sum += w[((co * C + ci) * 3 + ky) * 3 + kx]! * input[(ci * H + iy) * W + ix]!;
            }
        out[(co * oh + oy) * ow + ox] = sum;
      }
  return out;
}

const shapes: ConvShape[] = [
  { inChannels: 1, outChannels: 1, height: 5, width: 5, stride: 1 },
  { inChannels: 2, outChannels: 3, height: 6, width: 7, stride: 2 },
  { inChannels: 3, outChannels: 2, height: 7, width: 4, stride: 2 },
  { inChannels: 2, outChannels: 2, height: 1, width: 3, stride: 1 },
];

describe("convOutputSize", () => {
  it("keeps the size at stride 1 and halves it (rounding up) at stride 2", () => {
    expect([64, 63, 1].map((n) => convOutputSize(n, 1))).toEqual([64, 63, 1]);
    expect([64, 63, 2, 1].map((n) => convOutputSize(n, 2))).toEqual([32, 32, 1, 1]);
  });
});

describe("conv2dForward", () => {
  it("a centre-tap kernel copies the image, a shifted tap shifts it with zeros in", () => {
    const shape: ConvShape = { inChannels: 1, outChannels: 2, height: 3, width: 3, stride: 1 };
    const img = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const w = new Float64Array(18);
    w[4] = 1; // channel 0: centre tap
    w[9 + 5] = 1; // channel 1: tap to the right (kx = 2): out[y][x] = in[y][x + 1]
    const out = new Float64Array(18);
    conv2dForward(shape, img, w, Float64Array.from([0, 10]), out);
    expect(Array.from(out.subarray(0, 9))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(out.subarray(9))).toEqual([12, 13, 10, 15, 16, 10, 18, 19, 10]);
  });

  it.each(shapes)("agrees with the definition for %o", (shape) => {
    const input = randomArray(shape.inChannels * shape.height * shape.width, 1);
    const w = randomArray(weightCount(shape), 2);
    const b = randomArray(shape.outChannels, 3);
    const out = new Float64Array(
      shape.outChannels * convOutputSize(shape.height, shape.stride) * convOutputSize(shape.width, shape.stride),
    );
    conv2dForward(shape, input, w, b, out);
    const expected = naiveConv(shape, input, w, b);
    out.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12));
  });
});

describe("conv2dBackward", () => {
  it.each(shapes)("matches central finite differences of L = Σ r·out for %o", (shape) => {
    const input = randomArray(shape.inChannels * shape.height * shape.width, 4);
    const w = randomArray(weightCount(shape), 5);
    const b = randomArray(shape.outChannels, 6);
    const n =
      shape.outChannels * convOutputSize(shape.height, shape.stride) * convOutputSize(shape.width, shape.stride);
    const r = randomArray(n, 7);
    const loss = (inp: Float64Array, ww: Float64Array, bb: Float64Array) =>
      naiveConv(shape, inp, ww, bb).reduce((s, v, i) => s + v * r[i]!, 0);
    const dW = new Float64Array(w.length);
    const dB = new Float64Array(b.length);
    const dIn = new Float64Array(input.length);
    conv2dBackward(shape, input, w, r, dW, dB, dIn);
    const h = 1e-6;
    const numeric = (arr: Float64Array, i: number) => {
      const keep = arr[i]!;
      arr[i] = keep + h;
      const up = loss(input, w, b);
      arr[i] = keep - h;
      const down = loss(input, w, b);
      arr[i] = keep;
      return (up - down) / (2 * h);
    };
    dW.forEach((g, i) => expect(g).toBeCloseTo(numeric(w, i), 7));
    dB.forEach((g, i) => expect(g).toBeCloseTo(numeric(b, i), 7));
    dIn.forEach((g, i) => expect(g).toBeCloseTo(numeric(input, i), 7));
  });

  it("adds to the weight gradient (a batch accumulates) and can skip the input gradient", () => {
    const shape = shapes[1]!;
    const input = randomArray(shape.inChannels * shape.height * shape.width, 8);
    const w = randomArray(weightCount(shape), 9);
    const r = randomArray(shape.outChannels * 3 * 4, 10);
    const once = new Float64Array(w.length);
    const twice = new Float64Array(w.length);
    const bias = new Float64Array(shape.outChannels);
    conv2dBackward(shape, input, w, r, once, bias, null);
    conv2dBackward(shape, input, w, r, twice, bias, null);
    conv2dBackward(shape, input, w, r, twice, bias, null);
    twice.forEach((g, i) => expect(g).toBeCloseTo(2 * once[i]!, 12));
  });
});
