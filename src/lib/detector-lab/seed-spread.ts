/**
 * "One seed is one seed": the same run repeated on a few seeds, each to the
 * end, with every model's held-out AP, so the reader (and the chapter) can see
 * how far the comparison between cross-entropy and focal loss moves with the
 * seed alone. Each seed is a full DetectorSession (its own data, its own
 * initial weights, its own held-out scenes).
 */
import type { DetectorLabState } from "../state/detector-lab-state";
import { SEED } from "../state/ranges";
import { DetectorSession } from "./detector-session";

/** How many seeds "run 5 seeds" runs. */
export const SPREAD_SEED_COUNT = 5;
/** Below this difference in AP, two models are counted as level. */
export const LEVEL_AP = 0.01;

export interface SeedOutcome {
  seed: number;
  ce: number;
  focal: number;
  /** the chance AP on this seed's held-out scenes */
  chance: number;
}

export interface ApRange {
  mean: number;
  min: number;
  max: number;
}

export interface SeedSpread {
  outcomes: SeedOutcome[];
  ce: ApRange;
  focal: ApRange;
  chance: ApRange;
  /** how many seeds focal loss ended ahead of / behind / level with cross-entropy */
  focalAhead: number;
  focalBehind: number;
  level: number;
}

/** The seeds of a spread: the reader's seed and the next ones, wrapping inside the seed range. */
export function spreadSeeds(seed: number, count = SPREAD_SEED_COUNT): number[] {
  const span = SEED.max - SEED.min + 1;
  return Array.from({ length: count }, (_, i) => SEED.min + ((seed - SEED.min + i) % span));
}

/** A session's outcome once it has trained to the end. */
export function outcomeOf(session: DetectorSession): SeedOutcome {
  session.measure();
  const snap = session.snapshot(true);
  return { seed: session.state.seed, ce: snap.ce.ap!, focal: snap.focal.ap!, chance: snap.chanceAp };
}

/** One seed trained to the end, synchronously (the script and the tests; the worker slices it). */
export function runSeed(state: DetectorLabState, seed: number): SeedOutcome {
  const session = new DetectorSession({ ...state, seed });
  session.advance(state.steps);
  return outcomeOf(session);
}

function range(values: readonly number[]): ApRange {
  return {
    mean: values.reduce((s, v) => s + v, 0) / values.length,
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

export function summariseSeeds(outcomes: readonly SeedOutcome[]): SeedSpread {
  if (outcomes.length === 0) throw new RangeError("no seeds");
  const diff = outcomes.map((o) => o.focal - o.ce);
  return {
    outcomes: [...outcomes],
    ce: range(outcomes.map((o) => o.ce)),
    focal: range(outcomes.map((o) => o.focal)),
    chance: range(outcomes.map((o) => o.chance)),
    focalAhead: diff.filter((d) => d >= LEVEL_AP).length,
    focalBehind: diff.filter((d) => d <= -LEVEL_AP).length,
    level: diff.filter((d) => Math.abs(d) < LEVEL_AP).length,
  };
}
