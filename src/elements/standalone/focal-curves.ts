/** <focal-loss-curves> for any page: the paper's Figure 1 with the reader's γ and α, from attributes. */
import { renderFocalCurves } from "../../charts/focal-curves";
import { focalCurvesData, WORKED_EXAMPLE_PTS } from "../../lib/views/figure-data";
import type { FigureState } from "../../lib/state/state";
import { StandaloneChart, type ChartSize } from "./standalone-chart";

export class StandaloneFocalCurves extends StandaloneChart {
  protected readonly label = "Focal loss against the probability of the ground-truth class";
  protected readonly chartClass = "chart focal-curves-chart";

  protected draw(svg: SVGSVGElement, state: FigureState, size: ChartSize): void {
    renderFocalCurves(svg, focalCurvesData(state), {
      ...size,
      yScale: state.yScale,
      crosshair: null,
      examples: state.showExamples ? WORKED_EXAMPLE_PTS : [],
    });
  }
}
