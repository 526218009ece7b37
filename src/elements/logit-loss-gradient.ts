/** <logit-loss-gradient>: FL and CE and their gradients against the logit, for the reader's γ and α. */
import {
  logitAtPixel,
  logitLossGradientLayout,
  logitLossGradientLiveMarks,
  renderLogitLossGradient,
} from "../charts/logit-loss-gradient";
import type { LiveMarks } from "../charts/line-marks";
import { readoutValue, tableValue, formatNumber } from "../lib/text/format";
import { logitLossGradientData, type LogitData } from "../lib/views/figure-data";
import type { FigureState } from "../lib/state/state";
import { defineElement } from "./define-element";
import { LiveFigure, type ChartSize } from "./live-figure";

export class LogitLossGradientElement extends LiveFigure {
  protected readonly chart = {
    label: "Focal loss and cross-entropy, and their gradients, against the logit",
    className: "chart logit-chart",
  };
  protected readonly crosshairAxis = { min: -6, max: 6, step: 0.1, start: 2 };
  private data: LogitData | null = null;

  protected draw(svg: SVGSVGElement, state: FigureState, size: ChartSize, crosshair: number | null): void {
    const data = (this.data = logitLossGradientData(state));
    renderLogitLossGradient(svg, data, { ...size, crosshair });
    const gammaText = formatNumber(state.gamma, { notation: "fixed", digits: 1 });
    this.updateColumn("fl", data.loss[1]!.at, tableValue, `FL (γ = ${gammaText})`);
    this.updateColumn("ce", data.loss[0]!.at, tableValue);
    this.updateColumn("dfl", data.gradient[1]!.at, tableValue, `dFL/dx (γ = ${gammaText})`);
    this.updateColumn("dce", data.gradient[0]!.at, tableValue);
  }

  protected liveMarks(state: FigureState, size: ChartSize, crosshair: number | null): LiveMarks | null {
    return logitLossGradientLiveMarks(logitLossGradientData(state), { ...size, crosshair });
  }

  protected invertX(px: number, size: ChartSize): number | null {
    const x = logitAtPixel(logitLossGradientLayout(size), px);
    return x === null ? null : Number(x.toFixed(2));
  }

  protected describeCrosshair(state: FigureState, x: number): string {
    const data = this.data ?? logitLossGradientData(state);
    return (
      `x = ${readoutValue(x)}: cross-entropy ${readoutValue(data.loss[0]!.at(x))}, gradient ${readoutValue(data.gradient[0]!.at(x))}; ` +
      `focal loss ${readoutValue(data.loss[1]!.at(x))}, gradient ${readoutValue(data.gradient[1]!.at(x))}`
    );
  }
}

defineElement("logit-loss-gradient", LogitLossGradientElement);
