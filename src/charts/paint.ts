/**
 * The paint table: what colour, dash and weight each mark class of a chart
 * scene gets, named by design token. On the page, charts.css paints the same
 * classes through the same tokens (a unit test holds the two equal); where no
 * stylesheet reaches (the preset images, the social card, the SVG download)
 * paintScene writes the table onto the scene as presentation attributes, which
 * resvg, slide tools and Inkscape all read, with no CSS variables to resolve.
 */
import type { TokenName, Tokens } from "../lib/site/theme-tokens";
import type { AttrValue, SvgNode } from "./scene";

/** A curve family: its colour token and dash pattern (the second channel beside colour). */
export interface CurveFamily {
  colour: TokenName;
  dash?: string;
}

/** Mark class → family. A mark inside an element of such a class (a legend row) takes its family too. */
export const CURVE_FAMILIES = {
  "curve-g0": { colour: "--curve-g0" },
  "curve-g05": { colour: "--curve-g05", dash: "9 4" },
  "curve-g1": { colour: "--curve-g1", dash: "2 3" },
  "curve-g2": { colour: "--curve-g2", dash: "12 3 2 3" },
  "curve-g5": { colour: "--curve-g5", dash: "5 3" },
  "curve-ce": { colour: "--curve-g0", dash: "6 4" },
  "curve-reader": { colour: "--curve-reader" },
} as const satisfies Record<string, CurveFamily>;

/**
 * The labs' colours (the imbalance lab, its loss budget and the detector lab): one meaning per token
 * across all their charts. Colour says whose or which examples; the line's dash says which loss
 * (cross-entropy's dash wherever a curve is a cross-entropy). lab.css paints the classes listed in
 * LAB_MARKS with these tokens; tests/unit/charts/lab-colours.test.ts holds the two equal and checks
 * that no token carries two meanings.
 */
export const LAB_MEANINGS = {
  yours: { colour: "--curve-reader", says: "your model, trained with the loss you chose" },
  ce: { colour: "--curve-g0", dash: "6 4", says: "the model trained with cross-entropy" },
  positives: { colour: "--curve-g1", says: "positives: the objects" },
  negatives: { colour: "--text-muted", says: "negatives: background (the easy ones, where hard ones are apart)" },
  "hard-negatives": { colour: "--curve-g5", says: "hard negatives: background the model is unsure of" },
  chance: { colour: "--text", dash: "2 3", says: "what a ranking by chance scores" },
} as const satisfies Record<string, { colour: TokenName; dash?: string; says: string }>;

/**
 * Every lab mark (a selector of lab.css) and what its colour means there. The loss-by-γ chart shows
 * your model at several γ: all in your model's colour, told apart by dash (γ = 0 in cross-entropy's).
 */
export const LAB_MARKS: Readonly<Record<string, keyof typeof LAB_MEANINGS>> = {
  ".lab-panel svg .series-yours": "yours",
  ".lab-panel svg .series-ce": "ce",
  ".lab-readout.series-yours .key": "yours",
  ".lab-readout.series-ce .key": "ce",
  ".lab-panel svg .chance": "chance",
  ".lab-panel svg .dots-negative": "negatives",
  ".lab-panel svg .dots-positive": "positives",
  ".imbalance-lab .gamma-0": "yours",
  ".imbalance-lab .gamma-05": "yours",
  ".imbalance-lab .gamma-1": "yours",
  ".imbalance-lab .gamma-2": "yours",
  ".part-easyNegatives": "negatives",
  ".part-hardNegatives": "hard-negatives",
  ".part-positives": "positives",
  ".loss-map.series-yours .loss-cell": "yours",
  ".loss-map.series-ce .loss-cell": "ce",
  ".loss-map .object-box": "positives",
  ".detections-map .series-yours .detection-box": "yours",
  ".detections-map .series-ce .detection-box": "ce",
  ".detector-lab progress": "yours",
};

/** A colour: a token, the colour of the mark's curve family, or none. */
export type Colour = TokenName | "family" | "none";

export interface MarkPaint {
  fill?: Colour;
  stroke?: Colour;
  "fill-opacity"?: number;
  "stroke-opacity"?: number;
  "stroke-width"?: number;
  /** a dash pattern, or the family's ("none" when it has none) */
  "stroke-dasharray"?: string | "family";
  "stroke-linejoin"?: "round";
  "font-size"?: number;
  "font-weight"?: number;
  "font-style"?: "italic";
  "font-variant-numeric"?: "tabular-nums";
  "paint-order"?: "stroke";
}

export interface PaintRule {
  /** the class the mark carries */
  mark: string;
  /** applies only when the mark or one of its ancestors also carries this class */
  within?: string;
  paint: MarkPaint;
}

/** In order: a later rule overrides an earlier one for the same property, as in the stylesheet. */
export const PAINT_RULES: readonly PaintRule[] = [
  {
    mark: "curve",
    paint: {
      fill: "none",
      stroke: "family",
      "stroke-width": 2,
      "stroke-dasharray": "family",
      "stroke-linejoin": "round",
    },
  },
  { mark: "curve", within: "is-reader", paint: { "stroke-width": 3.5 } },
  { mark: "swatch", paint: { stroke: "family", "stroke-width": 2.5, "stroke-dasharray": "family" } },
  { mark: "swatch", within: "is-reader", paint: { "stroke-width": 4 } },
  { mark: "band", paint: { fill: "--band" } },
  { mark: "band-label", paint: { fill: "--text-muted", "font-style": "italic", "font-size": 12 } },
  { mark: "grid", paint: { stroke: "--rule", "stroke-opacity": 0.6 } },
  { mark: "axis-domain", paint: { stroke: "--text-muted" } },
  { mark: "tick-mark", paint: { stroke: "--text-muted" } },
  { mark: "zero-line", paint: { stroke: "--text-muted", "stroke-opacity": 0.6 } },
  { mark: "tick-label", paint: { fill: "--text-muted", "font-variant-numeric": "tabular-nums" } },
  { mark: "axis-title", paint: { fill: "--text", "font-size": 13 } },
  { mark: "panel-title", paint: { fill: "--text", "font-size": 13, "font-weight": 600 } },
  { mark: "legend-bg", paint: { fill: "--bg-raised", "fill-opacity": 0.92, stroke: "--rule" } },
  { mark: "legend-label", paint: { fill: "--text" } },
  { mark: "legend-header", paint: { fill: "--text", "font-weight": 600 } },
  { mark: "legend-value", paint: { fill: "--text", "font-variant-numeric": "tabular-nums" } },
  { mark: "legend-label", within: "is-reader", paint: { "font-weight": 600 } },
  { mark: "crosshair-rule", paint: { stroke: "--text-muted", "stroke-dasharray": "3 3" } },
  { mark: "crosshair-dot", paint: { fill: "family", stroke: "--bg-raised", "stroke-width": 1.5 } },
  { mark: "example-leader", paint: { stroke: "--text-muted", "stroke-width": 1 } },
  { mark: "example-dot", paint: { fill: "--bg-raised", stroke: "--curve-reader", "stroke-width": 2 } },
  {
    mark: "example-label",
    paint: {
      fill: "--text",
      "font-size": 12,
      "paint-order": "stroke",
      stroke: "--bg",
      "stroke-width": 3,
      "stroke-linejoin": "round",
    },
  },
];

/** Every token the table paints with: each must be a colour colourAndOpacity can read. */
export const PAINT_TOKENS: ReadonlySet<TokenName> = new Set<TokenName>([
  ...Object.values(CURVE_FAMILIES).map((f) => f.colour),
  ...PAINT_RULES.flatMap((r) => [r.paint.fill, r.paint.stroke]).filter(
    (c): c is TokenName => c !== undefined && c !== "family" && c !== "none",
  ),
]);

/** What the chart's root gets: its text face and size (the stylesheet's `.chart` rule). */
export const CHART_TEXT = { "font-family": "--font-ui", "font-size": 12 } as const satisfies {
  "font-family": TokenName;
  "font-size": number;
};

const HEX = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i;
const RGB = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)\s*(?:[/,]\s*([\d.]+)\s*)?\)$/i;

/**
 * A token's colour as a hex colour and an opacity. Tokens are written
 * `#rrggbb` or `rgb(r g b / a)` (CSS Color 4), which resvg paints black and
 * older slide tools ignore, so the alpha becomes a separate opacity attribute.
 * Read back from a live page, Chromium reports the same token as
 * `#rrggbbaa`, whose alpha has 1/255 steps: rounded to hundredths it gives
 * back the two-decimal alpha the token was written with.
 */
export function colourAndOpacity(value: string): { colour: string; opacity: number } {
  const text = value.trim();
  const hex = HEX.exec(text);
  if (hex)
    return {
      colour: `#${hex[1]!.toLowerCase()}`,
      opacity: hex[2] ? Math.round((parseInt(hex[2], 16) / 255) * 100) / 100 : 1,
    };
  const m = RGB.exec(text);
  if (!m) throw new Error(`paint: a token colour must be #rrggbb or rgb(r g b / a), not ${value}`);
  const channels = [m[1], m[2], m[3]].map((c) => Number(c).toString(16).padStart(2, "0")).join("");
  return { colour: `#${channels}`, opacity: m[4] === undefined ? 1 : Number(m[4]) };
}

function classesOf(n: SvgNode): string[] {
  const cls = n.attrs?.class;
  return typeof cls === "string" ? cls.split(/\s+/).filter(Boolean) : [];
}

/** The presentation attributes the table gives a mark with these classes, in a context of ancestor classes. */
export function markAttributes(
  own: readonly string[],
  context: ReadonlySet<string>,
  tokens: Tokens,
): Record<string, AttrValue> {
  const familyClass = [...own, ...context].find((c): c is keyof typeof CURVE_FAMILIES => c in CURVE_FAMILIES);
  const family: CurveFamily | undefined = familyClass ? CURVE_FAMILIES[familyClass] : undefined;
  const attrs: Record<string, AttrValue> = {};
  const paintColour = (property: "fill" | "stroke", colour: Colour) => {
    const token = colour === "family" ? family?.colour : colour;
    if (token === undefined) return;
    if (token === "none") {
      attrs[property] = "none";
      return;
    }
    const { colour: value, opacity } = colourAndOpacity(tokens[token]);
    attrs[property] = value;
    if (opacity < 1) attrs[`${property}-opacity`] = opacity;
  };
  for (const rule of PAINT_RULES) {
    if (!own.includes(rule.mark)) continue;
    if (rule.within && !own.includes(rule.within) && !context.has(rule.within)) continue;
    for (const [property, value] of Object.entries(rule.paint) as [keyof MarkPaint, MarkPaint[keyof MarkPaint]][]) {
      if (property === "fill" || property === "stroke") paintColour(property, value as Colour);
      else if (property === "stroke-dasharray")
        attrs[property] = value === "family" ? (family?.dash ?? null) : (value as string);
      else attrs[property] = value as string | number;
    }
  }
  return attrs;
}

/**
 * A copy of the scene with every mark's paint written as attributes, the root
 * given its text face, and classes kept (they name what each mark is). The
 * scene itself is not touched: its nodes may be shared (staticNode).
 */
export function paintScene(scene: SvgNode, tokens: Tokens): SvgNode {
  const visit = (n: SvgNode, context: ReadonlySet<string>): SvgNode => {
    const own = classesOf(n);
    const painted = { ...n.attrs, ...markAttributes(own, context, tokens) };
    if (n.text !== undefined) return { ...n, attrs: painted };
    const inner = new Set([...context, ...own]);
    return { ...n, attrs: painted, children: (n.children ?? []).map((c) => visit(c, inner)) };
  };
  const root = visit(scene, new Set());
  root.attrs = {
    ...root.attrs,
    "font-family": tokens[CHART_TEXT["font-family"]],
    "font-size": CHART_TEXT["font-size"],
  };
  return root;
}
