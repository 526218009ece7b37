/**
 * Seeded synthetic scenes for the in-browser detector: small grayscale images
 * with a few objects of two classes on a cluttered background. The clutter is
 * built to contain hard negatives: straight strokes as bright as an object's
 * edge and small bright dots, which a detector must learn are not objects,
 * among thousands of anchors of plain textured background (the easy negatives).
 */
import { mulberry32, normalSampler, type Uniform } from "../math/random";
import type { Box } from "../detector/iou";

export type { Box };

export const SCENE_SIZE = 64;

export const OBJECT_CLASSES = ["square", "ring"] as const;
export type ObjectClass = 0 | 1;

export interface SceneObject extends Box {
  cls: ObjectClass;
}

export interface Scene {
  /** SCENE_SIZE² intensities in [0, 1], row by row */
  image: Float32Array;
  objects: SceneObject[];
}

/** Object side lengths, in pixels (inclusive). */
export const OBJECT_SIZES = { min: 8, max: 16 } as const;

/**
 * The seed of scene `index` in the stream of seed `seed`: a 32-bit mix, so the
 * scenes of neighbouring seeds share nothing and any scene can be made alone.
 */
export function sceneSeed(seed: number, index: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}

function between(u: Uniform, lo: number, hi: number): number {
  return lo + (hi - lo) * u();
}

function overlaps(a: Box, b: Box, gap: number): boolean {
  return a.x0 - gap < b.x1 && b.x0 - gap < a.x1 && a.y0 - gap < b.y1 && b.y0 - gap < a.y1;
}

function paint(image: Float32Array, x: number, y: number, value: number): void {
  if (x < 0 || y < 0 || x >= SCENE_SIZE || y >= SCENE_SIZE) return;
  image[y * SCENE_SIZE + x] = value;
}

function drawStroke(image: Float32Array, u: Uniform): void {
  const length = Math.round(between(u, 5, 12));
  const horizontal = u() < 0.5;
  const x = Math.floor(between(u, 0, SCENE_SIZE - 1));
  const y = Math.floor(between(u, 0, SCENE_SIZE - 1));
  const value = between(u, 0.7, 0.95);
  for (let t = 0; t < length; t++) {
    paint(image, horizontal ? x + t : x, horizontal ? y : y + t, value);
    paint(image, horizontal ? x + t : x + 1, horizontal ? y + 1 : y + t, value);
  }
}

function drawDot(image: Float32Array, u: Uniform): void {
  const cx = Math.floor(between(u, 0, SCENE_SIZE));
  const cy = Math.floor(between(u, 0, SCENE_SIZE));
  const value = between(u, 0.7, 0.95);
  for (let dy = 0; dy < 3; dy++) for (let dx = 0; dx < 3; dx++) paint(image, cx + dx, cy + dy, value);
}

function drawObject(image: Float32Array, o: SceneObject, value: number): void {
  const size = o.x1 - o.x0;
  const cx = (o.x0 + o.x1 - 1) / 2;
  const cy = (o.y0 + o.y1 - 1) / 2;
  const outer = size / 2;
  const inner = outer - 2;
  for (let y = o.y0; y < o.y1; y++) {
    for (let x = o.x0; x < o.x1; x++) {
      if (o.cls === 0) paint(image, x, y, value);
      else {
        const r = Math.hypot(x - cx, y - cy);
        if (r <= outer && r >= inner) paint(image, x, y, value);
      }
    }
  }
}

export interface SceneOptions {
  /** most objects per scene (at least 1 is drawn) */
  maxObjects: number;
  strokes: number;
  dots: number;
}

export const DEFAULT_SCENE_OPTIONS: SceneOptions = { maxObjects: 3, strokes: 12, dots: 10 };

/** One scene, fully determined by its seed. */
export function makeScene(seed: number, options: SceneOptions = DEFAULT_SCENE_OPTIONS): Scene {
  const u = mulberry32(seed);
  const normal = normalSampler(u);
  const image = new Float32Array(SCENE_SIZE * SCENE_SIZE);
  // Textured background: a few broad blobs of light and shade, plus pixel noise.
  const blobs = Array.from({ length: 4 }, () => ({
    x: between(u, 0, SCENE_SIZE),
    y: between(u, 0, SCENE_SIZE),
    sigma: between(u, 6, 16),
    amplitude: between(u, -0.15, 0.15),
  }));
  for (let y = 0; y < SCENE_SIZE; y++) {
    for (let x = 0; x < SCENE_SIZE; x++) {
      let v = 0.3 + 0.05 * normal();
      for (const b of blobs) v += b.amplitude * Math.exp(-((x - b.x) ** 2 + (y - b.y) ** 2) / (2 * b.sigma ** 2));
      image[y * SCENE_SIZE + x] = v;
    }
  }
  for (let i = 0; i < options.strokes; i++) drawStroke(image, u);
  for (let i = 0; i < options.dots; i++) drawDot(image, u);
  const objects: SceneObject[] = [];
  const count = 1 + Math.floor(u() * options.maxObjects);
  for (let attempt = 0; objects.length < count && attempt < 50; attempt++) {
    const size = OBJECT_SIZES.min + Math.floor(u() * (OBJECT_SIZES.max - OBJECT_SIZES.min + 1));
    const x0 = Math.floor(u() * (SCENE_SIZE - size + 1));
    const y0 = Math.floor(u() * (SCENE_SIZE - size + 1));
    const candidate: SceneObject = { x0, y0, x1: x0 + size, y1: y0 + size, cls: u() < 0.5 ? 0 : 1 };
    if (objects.some((o) => overlaps(o, candidate, 2))) continue;
    objects.push(candidate);
  }
  for (const o of objects) drawObject(image, o, between(u, 0.6, 0.9));
  for (let i = 0; i < image.length; i++) image[i] = Math.min(1, Math.max(0, image[i]!));
  return { image, objects };
}
