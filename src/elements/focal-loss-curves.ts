/**
 * <focal-loss-curves>: the paper's Figure 1, live. Upgrades the SVG the
 * FocalCurvesFigure component rendered at build time and redraws it with the
 * same chart function as the reader moves γ and α.
 */
import { focalCurvesLayout, focalCurvesLiveMarks, renderFocalCurves } from "../charts/focal-curves";
import { curveLabel, type LiveMarks } from "../charts/line-marks";
import { readoutValue, tableValue } from "../lib/text/format";
import { focalCurvesData, WORKED_EXAMPLE_PTS, type Curve } from "../lib/views/figure-data";
import { paperReadings, readingNumbers, readingVariant, type ReadingSlot } from "../lib/article/paper-readings";
import type { FigureState } from "../lib/state/state";
import { CONTINUOUS_INPUT_MS } from "../lib/state/state-tween";
import { defineElement } from "./define-element";
import { setText } from "../charts/scene";
import { afterQuiet } from "./frame";
import { LiveFigure, type ChartSize } from "./live-figure";

export class FocalLossCurvesElement extends LiveFigure {
  protected readonly chart = {
    label: "Focal loss against the probability of the ground-truth class",
    className: "chart focal-curves-chart",
  };
  protected readonly crosshairAxis = { min: 0, max: 1, step: 0.01, start: 0.5 };
  private curves: Curve[] = [];

  protected draw(svg: SVGSVGElement, state: FigureState, size: ChartSize, crosshair: number | null): void {
    this.curves = focalCurvesData(state);
    renderFocalCurves(svg, this.curves, this.options(state, size, crosshair));
    const reader = this.curves.at(-1)!;
    this.updateColumn("reader", reader.at, tableValue, curveLabel(reader));
    this.readingsGamma = state.gamma;
    this.readingsLater();
  }

  protected liveMarks(state: FigureState, size: ChartSize, crosshair: number | null): LiveMarks | null {
    return focalCurvesLiveMarks(focalCurvesData(state), this.options(state, size, crosshair));
  }

  private options(state: FigureState, size: ChartSize, crosshair: number | null) {
    return {
      ...size,
      yScale: state.yScale,
      crosshair,
      // data-examples="always": a chapter about the worked examples keeps them marked whatever the shared state.
      examples: state.showExamples || this.dataset.examples === "always" ? WORKED_EXAMPLE_PTS : [],
    };
  }

  private readingsGamma = NaN;
  /**
   * The paper's readings are sentences that rewrap as γ moves: rewritten on every frame of a drag they
   * were half of its layout time (a trace at 4× throttling), so they follow once the hand pauses.
   */
  private readonly readingsLater = afterQuiet(CONTINUOUS_INPUT_MS, () => {
    const readings = paperReadings(this.readingsGamma);
    const variant = readingVariant(readings);
    const numbers = readingNumbers(readings);
    // The math in the readings was typeset at build time: only the variant shown and the numbers change.
    this.querySelectorAll<HTMLElement>("[data-reading-variant]").forEach((el) => {
      const hidden = el.dataset.readingVariant !== variant;
      if (el.hidden !== hidden) el.hidden = hidden;
    });
    this.querySelectorAll<HTMLElement>("[data-reading-number]").forEach((el) => {
      setText(el, numbers[el.dataset.readingNumber as ReadingSlot]);
    });
  });

  protected invertX(px: number, size: ChartSize, state: FigureState): number | null {
    const { x } = focalCurvesLayout({ ...size, yScale: state.yScale });
    return Math.min(1, Math.max(0, Number(x.invert(px).toFixed(3))));
  }

  protected describeCrosshair(state: FigureState, pt: number): string {
    const curves = this.curves.length ? this.curves : focalCurvesData(state);
    return (
      `pₜ = ${readoutValue(pt)}: ` + curves.map((c) => `${curveLabel(c)}, loss ${readoutValue(c.at(pt))}`).join("; ")
    );
  }
}

defineElement("focal-loss-curves", FocalLossCurvesElement);
