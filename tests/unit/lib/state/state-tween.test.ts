import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isJump, stateAt, tweenProgress, TWEEN_MS } from "../../../../src/lib/state/state-tween";
import { DEFAULT_FIGURE_STATE, type FigureState } from "../../../../src/lib/state/state";
import { GAMMA } from "../../../../src/lib/state/ranges";

const state = (gamma: number, alpha: number | null): FigureState => ({ ...DEFAULT_FIGURE_STATE, gamma, alpha });
const gammaArb = fc.integer({ min: 0, max: 50 }).map((i) => i / 10);
const alphaArb = fc.option(
  fc.integer({ min: 0, max: 100 }).map((i) => i / 100),
  { nil: null },
);

describe("isJump: which changes animate", () => {
  it("a keyboard step of γ (0.1) is drawn at once; a page step (0.5) or a click across the track animates", () => {
    expect(isJump(state(2, 0.25), state(2.1, 0.25))).toBe(false);
    expect(isJump(state(2, 0.25), state(2.5, 0.25))).toBe(true);
    expect(isJump(state(0, null), state(5, null))).toBe(true);
  });

  it("switching α on or off animates, unless the weight does not change (α = 1 is the same as off)", () => {
    expect(isJump(state(2, null), state(2, 0.25))).toBe(true);
    expect(isJump(state(2, 0.25), state(2, null))).toBe(true);
    expect(isJump(state(2, 1), state(2, null))).toBe(false);
  });

  it("one step of the α slider (0.01) does not animate; a larger move does", () => {
    expect(isJump(state(2, 0.25), state(2, 0.26))).toBe(false);
    expect(isJump(state(2, 0.25), state(2, 0.75))).toBe(true);
  });
});

describe("stateAt: the state shown part-way through a tween", () => {
  it("ends exactly on the target state (same object), so a finished tween leaves no rounding behind", () => {
    const to = state(2.3, null);
    expect(stateAt(state(0.7, 0.4), to, 1)).toBe(to);
  });

  it("starts on the old parameters and takes the target's discrete fields at once", () => {
    const from = { ...state(0.5, 0.25), yScale: "linear" as const };
    const to = { ...state(4, 0.75), yScale: "log" as const };
    expect(stateAt(from, to, 0)).toEqual({ ...to, gamma: 0.5, alpha: 0.25 });
  });

  it("moves γ and the α weight monotonically between the two states and never leaves their ranges", () => {
    fc.assert(
      fc.property(
        gammaArb,
        alphaArb,
        gammaArb,
        alphaArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (g0, a0, g1, a1, t1, t2) => {
          const from = state(g0, a0);
          const to = state(g1, a1);
          const [lo, hi] = t1 <= t2 ? [t1, t2] : [t2, t1];
          const early = stateAt(from, to, lo);
          const late = stateAt(from, to, hi);
          for (const s of [early, late]) {
            expect(s.gamma).toBeGreaterThanOrEqual(Math.min(g0, g1) - 1e-12);
            expect(s.gamma).toBeLessThanOrEqual(Math.max(g0, g1) + 1e-12);
            expect(s.gamma).toBeGreaterThanOrEqual(GAMMA.min);
            expect(s.gamma).toBeLessThanOrEqual(GAMMA.max);
            if (s.alpha !== null) {
              expect(s.alpha).toBeGreaterThanOrEqual(0);
              expect(s.alpha).toBeLessThanOrEqual(1);
            }
          }
          // Monotone: the later frame is never further from the target than the earlier one.
          expect(Math.abs(late.gamma - g1)).toBeLessThanOrEqual(Math.abs(early.gamma - g1) + 1e-12);
          if (hi < 1 && early.alpha !== null && late.alpha !== null) {
            expect(Math.abs(late.alpha - (a1 ?? 1))).toBeLessThanOrEqual(Math.abs(early.alpha - (a1 ?? 1)) + 1e-12);
          }
        },
      ),
    );
  });

  it("switching α off fades the weight up to 1 and only then reports α as off", () => {
    const from = state(2, 0.25);
    const to = state(2, null);
    expect(stateAt(from, to, 0.5).alpha).toBeCloseTo(0.625, 12);
    expect(stateAt(from, to, 0.999).alpha).toBeGreaterThan(0.99);
    expect(stateAt(from, to, 1).alpha).toBeNull();
  });

  it("keeps α off throughout when it is off at both ends", () => {
    expect(stateAt(state(0, null), state(5, null), 0.3).alpha).toBeNull();
  });
});

describe("tweenProgress", () => {
  it("is 0 at the start, 1 at the end and after, eased in between", () => {
    expect(tweenProgress(100, 100)).toBe(0);
    expect(tweenProgress(100, 100 + TWEEN_MS)).toBe(1);
    expect(tweenProgress(100, 100 + 10 * TWEEN_MS)).toBe(1);
    expect(tweenProgress(100, 50)).toBe(0);
    // Cubic in-out: slow at the ends, half-way at the middle.
    expect(tweenProgress(0, TWEEN_MS / 2)).toBeCloseTo(0.5, 12);
    expect(tweenProgress(0, TWEEN_MS / 10)).toBeLessThan(0.1);
  });

  it("is monotone in time", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 1000, noNaN: true }),
        fc.double({ min: -100, max: 1000, noNaN: true }),
        (a, b) => {
          const [t1, t2] = a <= b ? [a, b] : [b, a];
          expect(tweenProgress(0, t2)).toBeGreaterThanOrEqual(tweenProgress(0, t1));
        },
      ),
    );
  });

  it("finishes at once for a zero duration", () => {
    expect(tweenProgress(0, 0, 0)).toBe(1);
  });
});
