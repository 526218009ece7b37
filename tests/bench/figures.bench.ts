import { bench, describe } from "vitest";
import { focalCurvesScene } from "../../src/charts/focal-curves";
import { logitLossGradientScene } from "../../src/charts/logit-loss-gradient";
import { focalCurvesData, logitLossGradientData } from "../../src/lib/views/figure-data";
import { parseFigureState } from "../../src/lib/state/state";

// The work one slider frame does before touching the DOM: sample the curves and lay out the scene.
describe("one redraw of a live figure (data + scene, no DOM)", () => {
  let gamma = 0;
  bench("focal curves: 6 curves, crosshair on", () => {
    gamma = (gamma + 0.1) % 5;
    focalCurvesScene(focalCurvesData({ gamma, alpha: 0.25 }), {
      width: 900,
      height: 530,
      yScale: "linear",
      crosshair: 0.7,
    });
  });
  bench("focal curves: log axis, worked examples", () => {
    gamma = (gamma + 0.1) % 5;
    focalCurvesScene(focalCurvesData({ gamma, alpha: null }), {
      width: 900,
      height: 530,
      yScale: "log",
      examples: [0.01, 0.05, 0.95, 0.99],
    });
  });
  bench("logit loss and gradient", () => {
    gamma = (gamma + 0.1) % 5;
    logitLossGradientScene(logitLossGradientData({ gamma, alpha: 0.25 }), { width: 900, height: 450 });
  });
});

describe("figure state from a URL", () => {
  bench("parseFigureState, valid and hostile queries", () => {
    parseFigureState("?gamma=2.3&alpha=0.25&yscale=log&examples=1");
    parseFigureState("?gamma=%3Cscript%3E&alpha=2&yscale=cubic");
  });
});
