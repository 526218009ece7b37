/** <logit-loss-gradient> for any page: a foreground example's FL and CE, and their gradients, against the logit. */
import { renderLogitLossGradient } from "../../charts/logit-loss-gradient";
import { logitLossGradientData } from "../../lib/views/figure-data";
import type { FigureState } from "../../lib/state/state";
import { StandaloneChart, type ChartSize } from "./standalone-chart";

export class StandaloneLogitGradient extends StandaloneChart {
  protected readonly label = "Focal loss and cross-entropy, and their gradients, against the logit";
  protected readonly chartClass = "chart logit-chart";

  protected draw(svg: SVGSVGElement, state: FigureState, size: ChartSize): void {
    renderLogitLossGradient(svg, logitLossGradientData(state), { ...size, crosshair: null });
  }
}
