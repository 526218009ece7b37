/**
 * 3×3 convolution with padding 1 and stride 1 or 2, forward and backward, on
 * plain typed arrays in channel-major layout ([channel][row][column]).
 *
 * Why hand-written: TensorFlow.js 4.22 took about 5 s per training step of a
 * network this size on its CPU backend, and its WASM backend has no
 * Conv2DBackpropFilter kernel, so it cannot train convolutions at all; a direct
 * loop over a few thousand pixels is fast enough for a browser without a GPU.
 * Loops run over the output pixel rows innermost, with the tap's bounds worked
 * out once per row, so the hot loop has no branch.
 */

/** Float32Array for training (speed, memory), Float64Array for gradient checks. */
export type Tensor = Float32Array | Float64Array;

export interface ConvShape {
  inChannels: number;
  outChannels: number;
  /** input height and width */
  height: number;
  width: number;
  stride: 1 | 2;
}

export const KERNEL = 3;
const PAD = 1;

/** Output size of a 3×3, padding-1 convolution: ⌊(n + 2 − 3)/s⌋ + 1 (n for stride 1, ⌈n/2⌉ for stride 2). */
export function convOutputSize(size: number, stride: 1 | 2): number {
  return Math.floor((size + 2 * PAD - KERNEL) / stride) + 1;
}

export function weightCount(shape: ConvShape): number {
  return shape.outChannels * shape.inChannels * KERNEL * KERNEL;
}

export function assertConvShape(shape: ConvShape): void {
  for (const key of ["inChannels", "outChannels", "height", "width"] as const) {
    const v = shape[key];
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`${key} must be a positive integer; got ${String(v)}`);
  }
  if (shape.stride !== 1 && shape.stride !== 2)
    throw new RangeError(`stride must be 1 or 2; got ${String(shape.stride)}`);
}

/** The output rows (or columns) o with 0 ≤ o·s + k − 1 < n, as [first, end). */
function validRange(k: number, stride: number, n: number, outSize: number): [number, number] {
  const first = Math.max(0, Math.ceil((PAD - k) / stride));
  const end = Math.min(outSize, Math.floor((n - 1 + PAD - k) / stride) + 1);
  return [first, Math.max(first, end)];
}

/**
 * out[co][oy][ox] = bias[co] + Σ_ci Σ_ky Σ_kx w[co][ci][ky][kx] · in[ci][oy·s + ky − 1][ox·s + kx − 1],
 * with zeros outside the image. `out` is overwritten.
 */
export function conv2dForward(shape: ConvShape, input: Tensor, weights: Tensor, bias: Tensor, out: Tensor): void {
  const { inChannels, outChannels, height, width, stride } = shape;
  const oh = convOutputSize(height, stride);
  const ow = convOutputSize(width, stride);
  const plane = oh * ow;
  for (let co = 0; co < outChannels; co++) out.fill(bias[co]!, co * plane, (co + 1) * plane);
  for (let ky = 0; ky < KERNEL; ky++) {
    const [oy0, oy1] = validRange(ky, stride, height, oh);
    for (let kx = 0; kx < KERNEL; kx++) {
      const [ox0, ox1] = validRange(kx, stride, width, ow);
      for (let co = 0; co < outChannels; co++) {
        const outBase = co * plane;
        for (let ci = 0; ci < inChannels; ci++) {
          const w = weights[((co * inChannels + ci) * KERNEL + ky) * KERNEL + kx]!;
          if (w === 0) continue;
          const inBase = ci * height * width;
          for (let oy = oy0; oy < oy1; oy++) {
            const inRow = inBase + (oy * stride + ky - PAD) * width + kx - PAD;
            const outRow = outBase + oy * ow;
            for (let ox = ox0; ox < ox1; ox++) out[outRow + ox]! += w * input[inRow + ox * stride]!;
          }
        }
      }
    }
  }
}

/**
 * Gradients of a loss L through the convolution, given dOut = ∂L/∂out:
 * dWeights and dBias are ADDED to (so a batch accumulates), dInput (when given)
 * is overwritten with ∂L/∂in.
 */
export function conv2dBackward(
  shape: ConvShape,
  input: Tensor,
  weights: Tensor,
  dOut: Tensor,
  dWeights: Tensor,
  dBias: Tensor,
  dInput: Tensor | null,
): void {
  const { inChannels, outChannels, height, width, stride } = shape;
  const oh = convOutputSize(height, stride);
  const ow = convOutputSize(width, stride);
  const plane = oh * ow;
  for (let co = 0; co < outChannels; co++) {
    let sum = 0;
    for (let i = co * plane; i < (co + 1) * plane; i++) sum += dOut[i]!;
    dBias[co]! += sum;
  }
  if (dInput) dInput.fill(0);
  for (let ky = 0; ky < KERNEL; ky++) {
    const [oy0, oy1] = validRange(ky, stride, height, oh);
    for (let kx = 0; kx < KERNEL; kx++) {
      const [ox0, ox1] = validRange(kx, stride, width, ow);
      for (let co = 0; co < outChannels; co++) {
        const outBase = co * plane;
        for (let ci = 0; ci < inChannels; ci++) {
          const wi = ((co * inChannels + ci) * KERNEL + ky) * KERNEL + kx;
          const w = weights[wi]!;
          const inBase = ci * height * width;
          let dw = 0;
          for (let oy = oy0; oy < oy1; oy++) {
            const inRow = inBase + (oy * stride + ky - PAD) * width + kx - PAD;
            const outRow = outBase + oy * ow;
            if (dInput) {
              for (let ox = ox0; ox < ox1; ox++) {
                const g = dOut[outRow + ox]!;
                dw += g * input[inRow + ox * stride]!;
                dInput[inRow + ox * stride]! += w * g;
              }
            } else {
              for (let ox = ox0; ox < ox1; ox++) dw += dOut[outRow + ox]! * input[inRow + ox * stride]!;
            }
          }
          dWeights[wi]! += dw;
        }
      }
    }
  }
}

/** ReLU in place; the mask of where it passed is the activation itself (> 0). */
export function reluInPlace(x: Tensor): void {
  for (let i = 0; i < x.length; i++) if (x[i]! < 0) x[i] = 0;
}

/** ∂L/∂pre = ∂L/∂post where the ReLU passed (post > 0), else 0; in place on grad. */
export function reluBackwardInPlace(post: Tensor, grad: Tensor): void {
  for (let i = 0; i < grad.length; i++) if (!(post[i]! > 0)) grad[i] = 0;
}
