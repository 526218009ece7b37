/**
 * The Astro component that renders each embeddable figure, by registry id.
 * Kept apart from src/lib/embed/embed-registry.ts because lib code may not import
 * components; a registry entry without a component here gets no embed route.
 */
import AnchorMapFigure from "./AnchorMapFigure.astro";
import FocalCurvesFigure from "./FocalCurvesFigure.astro";
import LogitGradientFigure from "./LogitGradientFigure.astro";
import LossCalculator from "./LossCalculator.astro";
import ModulatingFactorFigure from "./ModulatingFactorFigure.astro";
import ScenarioCalculator from "./ScenarioCalculator.astro";

// Astro components are functions at build time; their props type is not needed here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const EMBED_COMPONENTS: Record<string, any> = {
  "focal-curves": FocalCurvesFigure,
  "modulating-factor": ModulatingFactorFigure,
  "logit-gradient": LogitGradientFigure,
  "loss-calculator": LossCalculator,
  "scenario-calculator": ScenarioCalculator,
  "anchor-map": AnchorMapFigure,
};
