/**
 * The data behind the live figures, sampled from the loss-math module: the
 * curves of the paper's Figure 1, the modulating factor, the loss and its
 * gradient in logit space, and the paper's own reading of Figure 1 recomputed
 * for any γ. Charts draw these; they never compute a loss themselves.
 */
import {
  FIGURE1_GAMMAS,
  focalLossFromLogit,
  focalLossGradLogit,
  focalLossOfPt,
  modulatingFactor,
  type Alpha,
  type CurvePoint,
} from "../math/loss";

/** A named curve: its samples and the exact function they were sampled from (for crosshair readouts). */
export interface Curve {
  /** stable identity across redraws: "g0", "g05", "g1", "g2", "g5" or "reader" */
  key: string;
  gamma: number;
  alpha: Alpha;
  /** the curve the reader controls, drawn in the reader's accent */
  reader: boolean;
  readonly points: readonly CurvePoint[];
  at(x: number): number;
}

/** The key of a reference curve for γ: "g05" for 0.5, "g2" for 2. */
export function gammaKey(gamma: number): string {
  return `g${String(gamma).replace(".", "")}`;
}

/**
 * p_t samples: an even grid plus extra points near 0, where −log p_t climbs
 * steeply, so the curves enter the top of the chart where the loss does.
 */
export const PT_SAMPLES: readonly number[] = (() => {
  const even = Array.from({ length: 201 }, (_, i) => i / 200);
  const nearZero = [0.0005, 0.001, 0.0015, 0.002, 0.003, 0.004];
  return [...new Set([...even, ...nearZero])].sort((a, b) => a - b);
})();

/** The article's worked examples, as the p_t of the true class. */
export const WORKED_EXAMPLE_PTS: readonly number[] = [0.01, 0.05, 0.95, 0.99];

export interface ReaderParams {
  gamma: number;
  alpha: Alpha;
}

function sampled(fn: (x: number) => number, xs: readonly number[]): CurvePoint[] {
  return xs.map((x) => ({ x, y: fn(x) }));
}

type CurveFamily = (gamma: number, alpha: Alpha) => (x: number) => number;

// The reference curves never change: sample them once per family and hand out the same objects,
// which also lets a chart keep their paths between frames.
const referenceCache = new Map<CurveFamily, Curve[]>();

function referenceAndReader(reader: ReaderParams, fnFor: CurveFamily, xs: readonly number[]): Curve[] {
  let references = referenceCache.get(fnFor);
  if (!references) {
    references = FIGURE1_GAMMAS.map((gamma) => {
      const at = fnFor(gamma, null);
      return Object.freeze({
        key: gammaKey(gamma),
        gamma,
        alpha: null,
        reader: false,
        points: Object.freeze(sampled(at, xs)) as CurvePoint[],
        at,
      });
    });
    referenceCache.set(fnFor, references);
  }
  const curves = [...references];
  const at = fnFor(reader.gamma, reader.alpha);
  curves.push({ key: "reader", gamma: reader.gamma, alpha: reader.alpha, reader: true, points: sampled(at, xs), at });
  return curves;
}

/** Figure 1: FL(p_t) for γ ∈ {0, 0.5, 1, 2, 5} without α, and the reader's γ and α. */
const focalFamily: CurveFamily = (gamma, alpha) => (p) => focalLossOfPt(p, { gamma, alpha });
const modulatingFamily: CurveFamily = (gamma) => (p) => modulatingFactor(p, 1, gamma);

export function focalCurvesData(reader: ReaderParams): Curve[] {
  return referenceAndReader(reader, focalFamily, PT_SAMPLES);
}

/** The modulating factor (1 − p_t)^γ for the same γ values and the reader's γ. */
export function modulatingFactorData(reader: ReaderParams): Curve[] {
  // The factor does not involve α, so the reader's curve does not claim one (its label would say "α = 0.25").
  return referenceAndReader({ gamma: reader.gamma, alpha: null }, modulatingFamily, PT_SAMPLES);
}

/** The logit range of the logit-space chart: σ(±6) covers p from 0.0025 to 0.9975. */
export const LOGIT_RANGE = { from: -6, to: 6 } as const;
export const LOGIT_SAMPLES: readonly number[] = Array.from(
  { length: 241 },
  (_, i) => LOGIT_RANGE.from + (i * (LOGIT_RANGE.to - LOGIT_RANGE.from)) / 240,
);

export interface LogitData {
  /** loss against the logit x of a foreground example: the reader's FL, and CE (γ = 0, same α) */
  loss: Curve[];
  /** d loss / d x for the same two */
  gradient: Curve[];
}

/** FL and CE of a foreground example (y = 1) and their gradients, against its logit. */
export function logitLossGradientData(reader: ReaderParams): LogitData {
  const make = (key: string, gamma: number, fn: (x: number) => number): Curve => ({
    key,
    gamma,
    alpha: reader.alpha,
    reader: key.startsWith("reader"),
    points: sampled(fn, LOGIT_SAMPLES),
    at: fn,
  });
  const fl = { gamma: reader.gamma, alpha: reader.alpha };
  const ce = { gamma: 0, alpha: reader.alpha };
  return {
    loss: [
      make("ce", 0, (x) => focalLossFromLogit(x, 1, ce)),
      make("reader", reader.gamma, (x) => focalLossFromLogit(x, 1, fl)),
    ],
    gradient: [
      make("ce", 0, (x) => focalLossGradLogit(x, 1, ce)),
      make("reader", reader.gamma, (x) => focalLossGradLogit(x, 1, fl)),
    ],
  };
}

/** p_t values of the "show data" tables: the worked examples and the points the paper reads off. */
export const TABLE_PTS: readonly number[] = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99];
/** Logit values of the logit-space table. */
export const TABLE_LOGITS: readonly number[] = [-6, -4, -2, -1, 0, 1, 2, 4, 6];

/** Each curve evaluated at the given x values: rows of the "show data" table. */
export function tableRows(curves: Curve[], xs: readonly number[]): Array<{ x: number; values: number[] }> {
  return xs.map((x) => ({ x, values: curves.map((c) => c.at(x)) }));
}
