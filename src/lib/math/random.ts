/**
 * A small seeded pseudo-random generator, so that a link (which carries the
 * seed) reproduces the very same data set in every browser. Math.random cannot
 * be seeded, and the data set must not depend on the engine.
 */

/** A source of uniform numbers in [0, 1). */
export type Uniform = () => number;

/** A seed as the generator uses it: an unsigned 32-bit integer. */
export function normaliseSeed(seed: number): number {
  if (typeof seed !== "number" || !Number.isFinite(seed)) {
    throw new RangeError(`seed must be a finite number; got ${String(seed)}`);
  }
  return Math.trunc(seed) >>> 0;
}

/**
 * mulberry32 (Tommy Ettinger): one 32-bit state, full period 2³², passes
 * gjrand and PractRand to large sizes; plenty for a few hundred thousand draws,
 * and exact integer arithmetic via Math.imul so every engine agrees bit for bit.
 */
export function mulberry32(seed: number): Uniform {
  let state = normaliseSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Standard normal draws by the Box–Muller transform. Each pair of uniforms
 * gives two independent normals; the second is kept for the next call.
 * 1 − u keeps the logarithm's argument in (0, 1], so ln never sees 0.
 */
export function normalSampler(uniform: Uniform): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}
