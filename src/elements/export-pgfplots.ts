/**
 * "Copy as PGFPlots" for the current view of Figure 1: the reader's γ and α
 * from the figure's own parameters, the site's light palette (a LaTeX page is
 * white) and the charts' dash patterns, from the same paint table the SVG
 * download uses. Loaded on the first click only.
 */
import { focalCurvesPgfplots, type PgfCurveStyle } from "../lib/embed/pgfplots";
import { parseFigureState } from "../lib/state/state";
import { THEME_TOKENS, type TokenName } from "../lib/site/theme-tokens";
import { CURVE_FAMILIES } from "../charts/paint";

const CURVES = ["g0", "g05", "g1", "g2", "g5", "reader"] as const;

export function pgfplotsForView(query: URLSearchParams): string {
  const { gamma, alpha } = parseFigureState(query);
  const styles: Record<string, PgfCurveStyle> = {};
  for (const key of CURVES) {
    const family: { colour: TokenName; dash?: string } = CURVE_FAMILIES[`curve-${key}`];
    styles[key] = { colour: THEME_TOKENS.light[family.colour], dash: family.dash };
  }
  return focalCurvesPgfplots({ gamma, alpha, styles });
}
