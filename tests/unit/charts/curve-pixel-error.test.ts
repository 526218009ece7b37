/**
 * The reader's curve is drawn from fewer points where it is straight (sampleAdaptively), so this
 * measures what a reader sees: how far, in pixels, the drawn line strays from the exact curve of
 * the loss module, in both directions (every visible point of the exact curve is near the line,
 * and every point of the line is near the exact curve), for every chart a slider redraws, on both
 * loss axes, at a laptop's and a phone's size, across γ and α.
 */
import { describe, expect, it } from "vitest";
import { focalCurvesLayout, focalCurvesLiveMarks, focalCurvesScene } from "../../../src/charts/focal-curves";
import { CURVE_TOLERANCE_PX, curvePath, projectClipped, type Box, type Scale } from "../../../src/charts/line-marks";
import {
  logitLossGradientLayout,
  logitLossGradientLiveMarks,
  logitLossGradientScene,
} from "../../../src/charts/logit-loss-gradient";
import {
  modulatingFactorLayout,
  modulatingFactorLiveMarks,
  modulatingFactorScene,
} from "../../../src/charts/modulating-factor";
import { focalLossFromLogit, focalLossGradLogit, focalLossOfPt, modulatingFactor } from "../../../src/lib/math/loss";
import {
  focalCurvesData,
  logitLossGradientData,
  modulatingFactorData,
  WORKED_EXAMPLE_PTS,
} from "../../../src/lib/views/figure-data";
import { nodeAt, subpaths } from "./svg-paths";

/** the path prints hundredths of a pixel: a vertex moves up to half of one in x and in y */
const PRINTED = 0.005 * Math.SQRT2;
const GAMMAS = [0, 0.3, 1, 2, 3.7, 5];
const ALPHAS = [null, 0.25, 0.9] as const;
const DENSE = 1000;

type Px = [number, number];

function distanceToSegment(p: Px, a: Px, b: Px): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = dx || dy ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy))) : 0;
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Distance from p to the nearest of the polylines, each running left to right (a function's graph). */
function distanceToLines(p: Px, lines: Px[][]): number {
  let best = Infinity;
  for (const l of lines) {
    if (l.length === 1) best = Math.min(best, Math.hypot(p[0] - l[0]![0], p[1] - l[0]![1]));
    // From the segment under p outwards, until segments lie further off in x than the nearest found.
    let lo = 0;
    let hi = l.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (l[mid]![0] <= p[0]) lo = mid;
      else hi = mid;
    }
    for (let i = lo + 1; i < l.length && l[i - 1]![0] - p[0] <= best; i++)
      best = Math.min(best, distanceToSegment(p, l[i - 1]!, l[i]!));
    for (let i = lo; i >= 1 && p[0] - l[i]![0] <= best; i--)
      best = Math.min(best, distanceToSegment(p, l[i - 1]!, l[i]!));
  }
  return best;
}

/**
 * The exact curve as runs of pixels inside the plot, no two neighbours more than 0.1 px apart
 * (bisecting the module's function wherever an even grid leaves a wider step), each run ending
 * on the plot's edge where the curve leaves it.
 */
function exactRuns(fn: (x: number) => number, x: Scale, y: Scale, box: Box, log: boolean): Px[][] {
  const [from, to] = x.domain() as [number, number];
  const visible = (v: number) => Number.isFinite(v) && !(log && v <= 0) && y(v) >= box.top && y(v) <= box.bottom;
  const runs: Px[][] = [[]];
  const add = (u: number) => {
    const v = fn(u);
    if (visible(v)) runs.at(-1)!.push([x(u), y(v)]);
    else if (runs.at(-1)!.length) runs.push([]);
  };
  /** The point where the curve crosses the plot's edge between a visible u0 and a hidden u1 (or the reverse). */
  const edge = (shown: number, hidden: number): Px => {
    for (let i = 0; i < 80; i++) {
      const um = (shown + hidden) / 2;
      if (visible(fn(um))) shown = um;
      else hidden = um;
    }
    const v = fn(shown);
    return [x(shown), y(v)];
  };
  const fill = (u0: number, u1: number, depth: number): void => {
    const v0 = fn(u0);
    const v1 = fn(u1);
    if (visible(v0) !== visible(v1)) {
      // Leaving: end the run on the edge; entering: start the next one there.
      if (visible(v0)) runs.at(-1)!.push(edge(u0, u1));
      else runs.at(-1)!.push(edge(u1, u0));
    }
    const a: Px = [x(u0), visible(v0) ? y(v0) : NaN];
    const b: Px = [x(u1), visible(v1) ? y(v1) : NaN];
    const far =
      Number.isNaN(a[1]) || Number.isNaN(b[1])
        ? Math.abs(b[0] - a[0]) > 1e-4
        : Math.hypot(b[0] - a[0], b[1] - a[1]) > 0.1;
    // Both ends outside the plot on a wide step: look inside it only if the middle is visible.
    const hidden = Number.isNaN(a[1]) && Number.isNaN(b[1]) && !visible(fn((u0 + u1) / 2));
    if (far && !hidden && depth < 40) {
      const um = (u0 + u1) / 2;
      fill(u0, um, depth + 1);
      fill(um, u1, depth + 1);
    } else add(u1);
  };
  add(from);
  for (let i = 1; i <= DENSE; i++) fill(from + ((to - from) * (i - 1)) / DENSE, from + ((to - from) * i) / DENSE, 0);
  return runs.filter((r) => r.length);
}

/** The largest distance, both ways, between the drawn path and the exact function in the plot box. */
function pixelError(d: string, fn: (x: number) => number, x: Scale, y: Scale, box: Box, log: boolean) {
  const drawn = subpaths(d);
  const runs = exactRuns(fn, x, y, box, log);
  let exactToDrawn = 0;
  for (const run of runs) for (const p of run) exactToDrawn = Math.max(exactToDrawn, distanceToLines(p, drawn));
  let drawnToExact = 0;
  for (const line of drawn)
    for (let i = 0; i < line.length; i++) {
      const a = line[i]!;
      const b = line[i + 1] ?? a;
      for (const t of [0, 0.25, 0.5, 0.75]) {
        const p: Px = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
        drawnToExact = Math.max(drawnToExact, distanceToLines(p, runs));
      }
    }
  return { exactToDrawn, drawnToExact, vertices: drawn.reduce((n, l) => n + l.length, 0) };
}

const SIZES = [
  { width: 880, height: 460 },
  { width: 340, height: 520 },
];

describe("the reader's drawn curve against the exact one, in pixels", () => {
  it.each(SIZES.flatMap((s) => (["linear", "log"] as const).map((yScale) => ({ ...s, yScale }))))(
    "Figure 1 at $width × $height ($yScale axis): within the tolerance everywhere",
    (size) => {
      const { x, y, box } = focalCurvesLayout(size);
      const log = size.yScale === "log";
      for (const gamma of GAMMAS)
        for (const alpha of ALPHAS) {
          const reader = focalCurvesData({ gamma, alpha }).find((c) => c.reader)!;
          const exact = (p: number) => focalLossOfPt(p, { gamma, alpha });
          const e = pixelError(curvePath(reader, x, y, box, log), exact, x, y, box, log);
          const at = `γ = ${gamma}, α = ${alpha}`;
          expect(e.exactToDrawn, at).toBeLessThanOrEqual(CURVE_TOLERANCE_PX + PRINTED);
          expect(e.drawnToExact, at).toBeLessThanOrEqual(CURVE_TOLERANCE_PX + PRINTED);
          // Fewer points than the even grid of 201 samples the curves were drawn from before.
          expect(e.vertices, at).toBeLessThan(201);
        }
    },
  );

  it.each(SIZES)("the modulating factor at $width × $height: within the tolerance everywhere", (size) => {
    const { x, y, box } = modulatingFactorLayout(size);
    for (const gamma of GAMMAS) {
      const reader = modulatingFactorData({ gamma, alpha: null }).find((c) => c.reader)!;
      const e = pixelError(curvePath(reader, x, y, box), (p) => modulatingFactor(p, 1, gamma), x, y, box, false);
      expect(e.exactToDrawn, `γ = ${gamma}`).toBeLessThanOrEqual(CURVE_TOLERANCE_PX + PRINTED);
      expect(e.drawnToExact, `γ = ${gamma}`).toBeLessThanOrEqual(CURVE_TOLERANCE_PX + PRINTED);
    }
  });

  it.each([...SIZES, { width: 880, height: 320 }])(
    "the loss and gradient in logit space at $width × $height: within the tolerance everywhere",
    (size) => {
      const [lossPanel, gradientPanel] = logitLossGradientLayout(size);
      for (const gamma of GAMMAS)
        for (const alpha of ALPHAS) {
          const data = logitLossGradientData({ gamma, alpha });
          const params = { gamma, alpha };
          const cases = [
            { panel: lossPanel!, curve: data.loss[1]!, fn: (v: number) => focalLossFromLogit(v, 1, params) },
            { panel: gradientPanel!, curve: data.gradient[1]!, fn: (v: number) => focalLossGradLogit(v, 1, params) },
          ];
          for (const { panel, curve, fn } of cases) {
            const e = pixelError(curvePath(curve, panel.x, panel.y, panel.box), fn, panel.x, panel.y, panel.box, false);
            const at = `${panel.key}, γ = ${gamma}, α = ${alpha}`;
            expect(e.exactToDrawn, at).toBeLessThanOrEqual(CURVE_TOLERANCE_PX + PRINTED);
            expect(e.drawnToExact, at).toBeLessThanOrEqual(CURVE_TOLERANCE_PX + PRINTED);
          }
        }
    },
  );

  it("would catch a curve drawn from too few points: chords of every 8th even sample stray on the log axis", () => {
    // The measure can fail: the same curve drawn straight through a coarse grid of its exact values strays further.
    const { x, y, box } = focalCurvesLayout({ width: 880, height: 460, yScale: "log" });
    const reader = focalCurvesData({ gamma: 5, alpha: 0.25 }).find((c) => c.reader)!;
    const coarse = projectClipped(
      reader.points.filter((_, i) => i % 8 === 0),
      x,
      y,
      box,
      true,
    );
    const d = coarse.map((p, i) => (p ? `${i && coarse[i - 1] ? "L" : "M"}${p[0]},${p[1]}` : "")).join("");
    const e = pixelError(d, reader.at, x, y, box, true);
    expect(Math.max(e.exactToDrawn, e.drawnToExact)).toBeGreaterThan(CURVE_TOLERANCE_PX + PRINTED);
  });
});

/**
 * While the reader drags, a live figure draws what moves on a canvas (src/elements/figure/canvas-layer.ts
 * maps chart units to device pixels as the <svg>'s viewBox does): the paths it draws are measured here the
 * same way, and must be the very paths the SVG is written with when the drag settles, so the line does not
 * jump when the canvas steps aside.
 */
describe("what the canvas draws during a drag, against the exact curve, in pixels", () => {
  const within = (e: ReturnType<typeof pixelError>, at: string) => {
    expect(e.exactToDrawn, at).toBeLessThanOrEqual(CURVE_TOLERANCE_PX + PRINTED);
    expect(e.drawnToExact, at).toBeLessThanOrEqual(CURVE_TOLERANCE_PX + PRINTED);
  };

  it.each(SIZES.flatMap((s) => (["linear", "log"] as const).map((yScale) => ({ ...s, yScale }))))(
    "Figure 1 at $width × $height ($yScale axis): the reader's curve, and the worked examples' dots on it",
    (size) => {
      const { x, y, box } = focalCurvesLayout(size);
      const log = size.yScale === "log";
      for (const gamma of GAMMAS)
        for (const alpha of ALPHAS) {
          const at = `γ = ${gamma}, α = ${alpha}`;
          const curves = focalCurvesData({ gamma, alpha });
          const options = { ...size, examples: WORKED_EXAMPLE_PTS };
          const marks = focalCurvesLiveMarks(curves, options)!;
          const [curve, ...dots] = marks.paths;
          expect(curve!.like, at).toBe(".curve.is-reader");
          within(
            pixelError(curve!.d, (p) => focalLossOfPt(p, { gamma, alpha }), x, y, box, log),
            at,
          );
          expect(curve!.d, at).toBe(nodeAt(focalCurvesScene(curves, options), "path", "reader").attrs!.d);
          // Each dot is centred on the exact curve (held inside the plot where the curve is off it).
          expect(dots.length, at).toBe(WORKED_EXAMPLE_PTS.length);
          dots.forEach((dot, i) => {
            const [left, cy] = dot.d.slice(1).split("a")[0]!.split(",").map(Number) as [number, number];
            const pt = WORKED_EXAMPLE_PTS[i]!;
            const loss = focalLossOfPt(pt, { gamma, alpha });
            const exactY = Math.max(box.top, Math.min(box.bottom, y(log && loss <= 0 ? 1e-4 : loss)));
            expect(Math.hypot(left + 4 - x(pt), cy - exactY), `${at}, pₜ = ${pt}`).toBeLessThanOrEqual(PRINTED);
          });
        }
    },
  );

  it.each(SIZES)("the modulating factor at $width × $height: the reader's curve", (size) => {
    const { x, y, box } = modulatingFactorLayout(size);
    for (const gamma of GAMMAS) {
      const curves = modulatingFactorData({ gamma, alpha: null });
      const [curve] = modulatingFactorLiveMarks(curves, size)!.paths;
      within(
        pixelError(curve!.d, (p) => modulatingFactor(p, 1, gamma), x, y, box, false),
        `γ = ${gamma}`,
      );
      expect(curve!.d).toBe(nodeAt(modulatingFactorScene(curves, size), "path", "reader").attrs!.d);
    }
  });

  it.each(SIZES)("the loss and gradient in logit space at $width × $height: all four curves", (size) => {
    const panels = logitLossGradientLayout(size);
    for (const gamma of GAMMAS)
      for (const alpha of ALPHAS) {
        const data = logitLossGradientData({ gamma, alpha });
        const scene = logitLossGradientScene(data, size);
        const fns = {
          loss: { ce: (v: number) => focalLossFromLogit(v, 1, { gamma: 0, alpha }) },
          gradient: { ce: (v: number) => focalLossGradLogit(v, 1, { gamma: 0, alpha }) },
        };
        const exact = (panel: "loss" | "gradient", key: string) =>
          key === "ce"
            ? fns[panel].ce
            : panel === "loss"
              ? (v: number) => focalLossFromLogit(v, 1, { gamma, alpha })
              : (v: number) => focalLossGradLogit(v, 1, { gamma, alpha });
        const { paths } = logitLossGradientLiveMarks(data, size)!;
        expect(paths.map((p) => p.like).sort()).toEqual(
          ["loss", "gradient"]
            .flatMap((k) => [".curve.curve-ce", ".curve.curve-reader"].map((c) => `.panel-${k} ${c}`))
            .sort(),
        );
        for (const { d, like } of paths) {
          const [, panel, key] = /panel-(\w+) \.curve\.curve-(\w+)/.exec(like)! as unknown as [
            string,
            "loss" | "gradient",
            string,
          ];
          const { x, y, box } = panels.find((p) => p.key === panel)!;
          within(pixelError(d, exact(panel, key), x, y, box, false), `${like}, γ = ${gamma}, α = ${alpha}`);
          expect(d).toBe(nodeAt(scene, "path", key, panel).attrs!.d);
        }
      }
  });

  it("draws nothing on the canvas while a crosshair reads the curves out (the SVG draws every frame then)", () => {
    const size = { width: 880, height: 460 };
    expect(
      focalCurvesLiveMarks(focalCurvesData({ gamma: 2, alpha: null }), { ...size, yScale: "linear", crosshair: 0.4 }),
    ).toBeNull();
    expect(
      modulatingFactorLiveMarks(modulatingFactorData({ gamma: 2, alpha: null }), { ...size, crosshair: 0.4 }),
    ).toBeNull();
    expect(
      logitLossGradientLiveMarks(logitLossGradientData({ gamma: 2, alpha: null }), { ...size, crosshair: 1 }),
    ).toBeNull();
  });
});
