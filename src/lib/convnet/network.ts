/**
 * A small stack of 3×3 convolutions with ReLU between them: the backbone and the
 * classification head of the in-browser detector. Forward keeps every layer's
 * activation so backward can reuse it; parameters live in one Float32Array so an
 * optimiser step is one loop and two models can start from the same copy.
 */
import {
  assertConvShape,
  conv2dBackward,
  conv2dForward,
  convOutputSize,
  reluBackwardInPlace,
  reluInPlace,
  weightCount,
  type ConvShape,
  type Tensor,
} from "./conv2d";
import { mulberry32, normalSampler } from "../math/random";

export interface LayerSpec {
  outChannels: number;
  stride: 1 | 2;
}

export interface NetworkSpec {
  inChannels: number;
  height: number;
  width: number;
  /** hidden layers, each followed by a ReLU */
  hidden: readonly LayerSpec[];
  /** the head: a 3×3 convolution to `headChannels` logits per location, no ReLU */
  headChannels: number;
  headStride: 1 | 2;
}

interface Layer {
  shape: ConvShape;
  relu: boolean;
  /** offsets of this layer's weights and biases in the parameter vector */
  weightsAt: number;
  biasAt: number;
}

export interface Network {
  spec: NetworkSpec;
  layers: readonly Layer[];
  parameterCount: number;
  /** output grid of the head */
  outHeight: number;
  outWidth: number;
}

export function buildNetwork(spec: NetworkSpec): Network {
  const layers: Layer[] = [];
  let channels = spec.inChannels;
  let height = spec.height;
  let width = spec.width;
  let offset = 0;
  const all = [
    ...spec.hidden.map((l) => ({ ...l, relu: true })),
    { outChannels: spec.headChannels, stride: spec.headStride, relu: false },
  ];
  for (const l of all) {
    const shape: ConvShape = { inChannels: channels, outChannels: l.outChannels, height, width, stride: l.stride };
    assertConvShape(shape);
    const weightsAt = offset;
    offset += weightCount(shape);
    const biasAt = offset;
    offset += l.outChannels;
    layers.push({ shape, relu: l.relu, weightsAt, biasAt });
    channels = l.outChannels;
    height = convOutputSize(height, l.stride);
    width = convOutputSize(width, l.stride);
  }
  return { spec, layers, parameterCount: offset, outHeight: height, outWidth: width };
}

/**
 * Seeded initial parameters: He-normal weights (σ = √(2 / fan-in)) for the
 * ReLU layers, which here start from scratch (RetinaNet's backbone is
 * pre-trained); for the head, Gaussian weights with σ = 0.01 and every bias at
 * `headBias`: the paper's §4.1 "Initialization" gives its new layers σ = 0.01
 * and the classification subnet's final layer the bias b = −log((1 − π)/π).
 */
export function initialParameters(net: Network, seed: number, headBias: number): Float32Array {
  const params = new Float32Array(net.parameterCount);
  const normal = normalSampler(mulberry32(seed));
  net.layers.forEach((layer, index) => {
    const isHead = index === net.layers.length - 1;
    const fanIn = layer.shape.inChannels * 9;
    const sigma = isHead ? 0.01 : Math.sqrt(2 / fanIn);
    const n = weightCount(layer.shape);
    for (let i = 0; i < n; i++) params[layer.weightsAt + i] = sigma * normal();
    params.fill(isHead ? headBias : 0, layer.biasAt, layer.biasAt + layer.shape.outChannels);
  });
  return params;
}

function sizeOut(layer: Layer): number {
  return (
    layer.shape.outChannels *
    convOutputSize(layer.shape.height, layer.shape.stride) *
    convOutputSize(layer.shape.width, layer.shape.stride)
  );
}

/** Reusable buffers for one image's forward and backward pass (no allocation per step). */
export interface Workspace {
  activations: Float32Array[];
  grads: Float32Array[];
}

export function createWorkspace(net: Network): Workspace {
  const inputSize = net.spec.inChannels * net.spec.height * net.spec.width;
  const sizes = [inputSize, ...net.layers.map(sizeOut)];
  return {
    activations: sizes.map((n) => new Float32Array(n)),
    grads: sizes.map((n) => new Float32Array(n)),
  };
}

function view(params: Tensor, at: number, n: number): Tensor {
  return params.subarray(at, at + n);
}

/** Forward pass of one image; returns the head's logits (a view into the workspace). */
export function forward(net: Network, params: Tensor, image: Tensor, ws: Workspace): Float32Array {
  ws.activations[0]!.set(image);
  net.layers.forEach((layer, i) => {
    const out = ws.activations[i + 1]!;
    conv2dForward(
      layer.shape,
      ws.activations[i]!,
      view(params, layer.weightsAt, weightCount(layer.shape)),
      view(params, layer.biasAt, layer.shape.outChannels),
      out,
    );
    if (layer.relu) reluInPlace(out);
  });
  return ws.activations[net.layers.length]!;
}

/**
 * Backward pass after `forward` on the same workspace: given ∂L/∂logits,
 * ADDS ∂L/∂θ into `dParams` (so a batch accumulates).
 */
export function backward(
  net: Network,
  params: Tensor,
  dLogits: ArrayLike<number>,
  ws: Workspace,
  dParams: Tensor,
): void {
  const last = net.layers.length;
  ws.grads[last]!.set(dLogits);
  for (let i = last - 1; i >= 0; i--) {
    const layer = net.layers[i]!;
    const dOut = ws.grads[i + 1]!;
    if (layer.relu) reluBackwardInPlace(ws.activations[i + 1]!, dOut);
    conv2dBackward(
      layer.shape,
      ws.activations[i]!,
      view(params, layer.weightsAt, weightCount(layer.shape)),
      dOut,
      view(dParams, layer.weightsAt, weightCount(layer.shape)),
      view(dParams, layer.biasAt, layer.shape.outChannels),
      i > 0 ? ws.grads[i]! : null,
    );
  }
}

/** SGD with momentum, as the paper trains RetinaNet (§4.1: momentum 0.9): v ← μv + g; θ ← θ − ηv. */
export function sgdMomentumStep(
  params: Tensor,
  velocity: Tensor,
  grad: Tensor,
  learningRate: number,
  momentum: number,
): void {
  for (let i = 0; i < params.length; i++) {
    const v = momentum * velocity[i]! + grad[i]!;
    velocity[i] = v;
    params[i] = params[i]! - learningRate * v;
  }
}
