/** <modulating-factor-curves> for any page: (1 − p_t)^γ for the paper's γ values and the reader's γ, from attributes. */
import { renderModulatingFactor } from "../../charts/modulating-factor";
import { modulatingFactorData } from "../../lib/views/figure-data";
import type { FigureState } from "../../lib/state/state";
import { StandaloneChart, type ChartSize } from "./standalone-chart";

export class StandaloneModulatingFactor extends StandaloneChart {
  protected readonly label = "The modulating factor against the probability of the ground-truth class";
  protected readonly chartClass = "chart modulating-factor-chart";

  protected draw(svg: SVGSVGElement, state: FigureState, size: ChartSize): void {
    renderModulatingFactor(svg, modulatingFactorData(state), { ...size, crosshair: null });
  }
}
