/** <modulating-factor-curves>: (1 − p_t)^γ for the reference γ values and the reader's, live. */
import { modulatingFactorLayout, modulatingFactorLiveMarks, renderModulatingFactor } from "../charts/modulating-factor";
import { curveLabel, type LiveMarks } from "../charts/line-marks";
import { readoutValue, tableValue } from "../lib/text/format";
import { modulatingFactorData, type Curve } from "../lib/views/figure-data";
import type { FigureState } from "../lib/state/state";
import { defineElement } from "./define-element";
import { LiveFigure, type ChartSize } from "./live-figure";

export class ModulatingFactorCurvesElement extends LiveFigure {
  protected readonly chart = {
    label: "The modulating factor against the probability of the ground-truth class",
    className: "chart modulating-factor-chart",
  };
  protected readonly crosshairAxis = { min: 0, max: 1, step: 0.01, start: 0.5 };
  private curves: Curve[] = [];

  protected draw(svg: SVGSVGElement, state: FigureState, size: ChartSize, crosshair: number | null): void {
    this.curves = modulatingFactorData(state);
    renderModulatingFactor(svg, this.curves, { ...size, crosshair });
    const reader = this.curves.at(-1)!;
    this.updateColumn("reader", reader.at, tableValue, curveLabel(reader));
  }

  protected liveMarks(state: FigureState, size: ChartSize, crosshair: number | null): LiveMarks | null {
    return modulatingFactorLiveMarks(modulatingFactorData(state), { ...size, crosshair });
  }

  protected invertX(px: number, size: ChartSize): number | null {
    const { x } = modulatingFactorLayout(size);
    return Math.min(1, Math.max(0, Number(x.invert(px).toFixed(3))));
  }

  protected describeCrosshair(state: FigureState, pt: number): string {
    const curves = this.curves.length ? this.curves : modulatingFactorData(state);
    return (
      `pₜ = ${readoutValue(pt)}: ` + curves.map((c) => `${curveLabel(c)}, factor ${readoutValue(c.at(pt))}`).join("; ")
    );
  }
}

defineElement("modulating-factor-curves", ModulatingFactorCurvesElement);
