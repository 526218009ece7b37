/**
 * Every figure and calculator a reader can lift into a slide deck: its embed
 * route (`/embed/<id>/`), its custom element, the iframe size that shows it
 * whole, and the image presets built for tools that take only images. Its
 * title and caption are words, in content/embeds.json by the same id.
 * The embed routes, the share panel, the preset images and the standalone
 * web component all read this one table, so they cannot disagree.
 */
import { ANCHOR_MAP_STATE } from "../state/anchor-map-state";
import { LOSS_STATE, TABLE_STATE } from "../state/calculator-state";
import { FIGURE_STATE, toParams, type Query, type QueryInput, type StateDefinition, type Schema } from "../state/state";

export interface EmbedSize {
  width: number;
  height: number;
}

export interface EmbeddableFigure {
  /** the route segment and file-name stem: /embed/focal-curves/, focal-curves-gamma-2-light.svg */
  readonly id: string;
  /** "map": a canvas with an SVG overlay (the anchor map), so no SVG or PNG download and no preset images */
  readonly kind: "figure" | "calculator" | "map";
  /** the custom element that draws it, in the chapters, the embed route and the standalone module */
  readonly tag: string;
  /** an iframe of this size shows it whole with its controls */
  readonly size: EmbedSize;
  /** the figure's own URL parameters, as written by its state serialiser */
  readonly params: readonly string[];
  /** its state in a query, parsed by its own parser and written back canonically (defaults left out) */
  readonly canonicalState: (query: Query) => Query;
}

/** A build-time image preset: the figure drawn for one γ (and α) setting. */
export interface ImagePreset {
  /** file-name part: "gamma-2", "alpha-0.25-gamma-2" */
  readonly id: string;
  readonly label: string;
  readonly gamma: number;
  readonly alpha: number | null;
}

export const IMAGE_THEMES = ["light", "dark"] as const;
export type ImageTheme = (typeof IMAGE_THEMES)[number];

/** The reference γ values of the paper's Figure 1, and the article's own setting α = 0.25, γ = 2. */
export const IMAGE_PRESETS: readonly ImagePreset[] = [
  ...[0, 0.5, 1, 2, 5].map((gamma) => ({ id: `gamma-${gamma}`, label: `γ = ${gamma}`, gamma, alpha: null })),
  { id: "alpha-0.25-gamma-2", label: "α = 0.25, γ = 2", gamma: 2, alpha: 0.25 },
];

/** The size preset images are drawn at: 16:9 like a slide; the PNG at 2× is exactly 1920 × 1080. */
export const IMAGE_SIZE: EmbedSize = { width: 960, height: 540 };
/** PNG presets are rendered at this multiple of IMAGE_SIZE. */
export const IMAGE_PNG_SCALE = 2;

/** One row of the table: the figure's state is its family's, parsed and written back on its own (nothing else from the query passes). */
function figure<S extends Schema>(
  id: string,
  kind: EmbeddableFigure["kind"],
  tag: string,
  [width, height]: [number, number],
  family: StateDefinition<S>,
): EmbeddableFigure {
  const canonicalState = (query: Query) => family.write(family.parse(query));
  return { id, kind, tag, size: { width, height }, params: Object.values(family.params), canonicalState };
}

export const EMBEDDABLE: readonly EmbeddableFigure[] = [
  figure("focal-curves", "figure", "focal-loss-curves", [800, 620], FIGURE_STATE),
  figure("modulating-factor", "figure", "modulating-factor-curves", [800, 580], FIGURE_STATE),
  figure("logit-gradient", "figure", "logit-loss-gradient", [800, 520], FIGURE_STATE),
  figure("loss-calculator", "calculator", "loss-calculator", [760, 900], LOSS_STATE),
  figure("scenario-calculator", "calculator", "scenario-calculator", [900, 760], TABLE_STATE),
  figure("anchor-map", "map", "anchor-map", [1100, 1180], ANCHOR_MAP_STATE),
];

export function embeddable(id: string): EmbeddableFigure | undefined {
  return EMBEDDABLE.find((f) => f.id === id);
}

/** SVG and PNG for slide tools, and a vector PDF for Beamer's \includegraphics and for Keynote. */
export const IMAGE_FORMATS = ["svg", "png", "pdf"] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** The file name of a preset image, without the directory: focal-curves-gamma-2-dark.svg */
export function presetFileName(
  figure: EmbeddableFigure,
  preset: ImagePreset,
  theme: ImageTheme,
  format: ImageFormat,
): string {
  return `${figure.id}-${preset.id}-${theme}.${format}`;
}

/**
 * The figure's own state in a query, validated and written back in canonical
 * form (defaults left out, invalid values dropped): the state part of a share
 * link, a snippet or the embed's ready message. Nothing else from the query
 * passes, so no URL text reaches a snippet unchecked.
 */
export function figureQuery(figure: EmbeddableFigure, query: QueryInput): Query {
  return figure.canonicalState(toParams(query));
}
